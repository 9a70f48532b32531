fn main() {
    console_error_panic_hook::set_once();
    // The language first, so the first render already speaks it.
    wasm_bindgen_futures::spawn_local(async {
        sandbox_share::i18n::language::start().await;
        leptos::mount::mount_to_body(sandbox_share::App);
    });
}
