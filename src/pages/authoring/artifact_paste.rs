//! Choosing artifacts by pasting a list: one per line as `TYPE ID title`, or a JSON array.
//! What reads well is added; the lines with problems stay in the field, each problem listed.

use leptos::prelude::*;

use super::chosen_artifacts::ChosenArtifacts;
use crate::components::focus::focus_by_id;
use crate::i18n::keys::authoring as k;
use crate::i18n::{number, t, tf, tn, tr};
use crate::state::authoring_rules::{parse_artifact_list, ListProblem};

/// What the last press of "Add from the list" did.
#[derive(Clone, Default)]
struct PasteOutcome {
    added: usize,
    problems: Vec<String>,
}

#[component]
pub fn ArtifactPaste(picker: ChosenArtifacts) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let outcome = RwSignal::new(None::<PasteOutcome>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let pasted = text.get_untracked();
        let mut list = parse_artifact_list(&pasted);
        if list.artifacts.is_empty() && list.problems.is_empty() {
            outcome.set(Some(PasteOutcome {
                added: 0,
                problems: vec![t(k::PASTE_NOTHING)],
            }));
            focus_by_id("paste-text");
            return;
        }
        let mut added = 0;
        for (line, artifact) in std::mem::take(&mut list.artifacts) {
            match picker.offer(artifact) {
                Ok(()) => added += 1,
                Err(problem) => list.problems.push(ListProblem { line, problem }),
            }
        }
        list.problems.sort_by_key(|problem| problem.line);
        let problems = if list.json {
            // A JSON array stays as it was: its entries are not lines to keep or drop.
            if list.problems.is_empty() {
                text.set(String::new());
            }
            list.problems
                .iter()
                .map(|problem| {
                    tf(
                        k::PASTE_ENTRY_PROBLEM,
                        &[
                            ("line", &number(problem.line as u64)),
                            ("problem", &problem.problem.explanation()),
                        ],
                    )
                })
                .collect()
        } else {
            keep_problem_lines(&pasted, &list.problems, text)
        };
        let keep_focus = !problems.is_empty();
        outcome.set(Some(PasteOutcome { added, problems }));
        if keep_focus {
            focus_by_id("paste-text");
        }
    };
    let invalid = move || outcome.with(|o| o.as_ref().is_some_and(|o| !o.problems.is_empty()));
    view! {
        <form class="artifact-paste" on:submit=add novalidate>
            <div class="field">
                <label for="paste-text">{tr(k::PASTE_LABEL)}</label>
                <textarea
                    id="paste-text"
                    rows="6"
                    spellcheck="false"
                    aria-describedby="paste-help paste-problems"
                    aria-invalid=move || invalid().to_string()
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                ></textarea>
                <p class="help" id="paste-help">{tr(k::PASTE_HELP)}</p>
                <div id="paste-problems">
                    {move || outcome.get().filter(|o| !o.problems.is_empty()).map(|o| view! {
                        <ul class="field-error paste-problems">
                            {o.problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                        </ul>
                        <p class="help">{tr(k::PASTE_KEPT)}</p>
                    })}
                </div>
            </div>
            <div class="actions">
                <button type="submit" id="paste-add">{tr(k::PASTE_ADD)}</button>
                <p class="muted" role="status" id="paste-added">
                    {move || outcome.get().filter(|o| o.added > 0).map(|o| {
                        let count = o.added as u64;
                        tn(k::PASTE_ADDED, count, &[("count", &number(count))])
                    })}
                </p>
            </div>
        </form>
    }
}

/// Leaves only the lines with problems in the field and names each problem by its line there.
fn keep_problem_lines(
    pasted: &str,
    problems: &[ListProblem],
    text: RwSignal<String>,
) -> Vec<String> {
    let lines: Vec<&str> = pasted.lines().collect();
    let mut kept: Vec<&str> = Vec::new();
    let mut last_line = None;
    let mut messages = Vec::new();
    for problem in problems {
        if last_line != Some(problem.line) {
            kept.push(lines.get(problem.line - 1).copied().unwrap_or_default());
            last_line = Some(problem.line);
        }
        messages.push(tf(
            k::PASTE_PROBLEM,
            &[
                ("line", &number(kept.len() as u64)),
                ("problem", &problem.problem.explanation()),
            ],
        ));
    }
    text.set(kept.join("\n"));
    messages
}
