//! What a wasm module is made of: each defined function's body size and its name from the
//! `name` custom section, the bytes of the data segments, and the custom sections.

use std::collections::HashMap;

use wasmparser::{KnownCustom, Name, Parser, Payload, TypeRef};

pub struct Function {
    /// As written in the name section (a mangled Rust symbol, usually).
    pub name: Option<String>,
    pub bytes: usize,
}

pub struct Module {
    pub file_bytes: usize,
    pub functions: Vec<Function>,
    /// The data segments' contents: `.rodata` (strings, tables) and initialized statics.
    pub data_bytes: usize,
    /// Custom sections by name (`name`, `producers`, …), which a browser never executes.
    pub custom_sections: Vec<(String, usize)>,
}

impl Module {
    pub fn read(bytes: &[u8]) -> Result<Module, String> {
        let error = |error: wasmparser::BinaryReaderError| format!("reading the wasm: {error}");
        let mut imported_functions = 0u32;
        let mut sizes = Vec::new();
        let mut names = HashMap::new();
        let mut data_bytes = 0;
        let mut custom_sections = Vec::new();
        for payload in Parser::new(0).parse_all(bytes) {
            match payload.map_err(error)? {
                Payload::ImportSection(imports) => {
                    for import in imports.into_imports() {
                        if matches!(
                            import.map_err(error)?.ty,
                            TypeRef::Func(_) | TypeRef::FuncExact(_)
                        ) {
                            imported_functions += 1;
                        }
                    }
                }
                Payload::CodeSectionEntry(body) => sizes.push(body.as_bytes().len()),
                Payload::DataSection(segments) => {
                    for segment in segments {
                        data_bytes += segment.map_err(error)?.data.len();
                    }
                }
                Payload::CustomSection(section) => {
                    custom_sections.push((section.name().to_string(), section.data().len()));
                    if let KnownCustom::Name(subsections) = section.as_known() {
                        for subsection in subsections {
                            if let Name::Function(map) = subsection.map_err(error)? {
                                for naming in map {
                                    let naming = naming.map_err(error)?;
                                    names.insert(naming.index, naming.name.to_string());
                                }
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        let functions = sizes
            .into_iter()
            .zip(imported_functions..)
            .map(|(bytes, index)| Function {
                name: names.remove(&index),
                bytes,
            })
            .collect();
        Ok(Module {
            file_bytes: bytes.len(),
            functions,
            data_bytes,
            custom_sections,
        })
    }

    pub fn code_bytes(&self) -> usize {
        self.functions.iter().map(|function| function.bytes).sum()
    }

    pub fn has_function_names(&self) -> bool {
        self.functions
            .iter()
            .any(|function| function.name.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::Module;

    /// A module with one imported and two defined functions, names for the import and the
    /// second function, and a 5-byte data segment (written by hand in the binary format).
    fn module() -> Vec<u8> {
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        let section = |wasm: &mut Vec<u8>, id: u8, content: &[u8]| {
            wasm.push(id);
            wasm.push(content.len() as u8);
            wasm.extend_from_slice(content);
        };
        section(&mut wasm, 1, &[1, 0x60, 0, 0]); // type 0: [] -> []
        section(&mut wasm, 2, &[1, 1, b'm', 1, b'f', 0, 0]); // import m.f: type 0
        section(&mut wasm, 3, &[2, 0, 0]); // two functions of type 0
        section(&mut wasm, 5, &[1, 0, 1]); // one memory, 1 page
                                           // Bodies: `end` alone (2 bytes with the locals count), then `nop nop nop end`.
        section(&mut wasm, 10, &[2, 2, 0, 0x0b, 5, 0, 1, 1, 1, 0x0b]);
        section(&mut wasm, 11, &[1, 0, 0x41, 0, 0x0b, 5, 1, 2, 3, 4, 5]);
        let mut names = vec![4, b'n', b'a', b'm', b'e'];
        // Function names subsection: index 0 "imp", index 2 "two".
        names.extend_from_slice(&[1, 11, 2, 0, 3, b'i', b'm', b'p', 2, 3, b't', b'w', b'o']);
        section(&mut wasm, 0, &names);
        wasm
    }

    #[test]
    fn defined_functions_get_their_sizes_and_names() {
        let module = Module::read(&module()).unwrap();
        let functions: Vec<_> = module
            .functions
            .iter()
            .map(|f| (f.name.as_deref(), f.bytes))
            .collect();
        assert_eq!(functions, [(None, 2), (Some("two"), 5)]);
        assert_eq!(module.code_bytes(), 7);
        assert_eq!(module.data_bytes, 5);
        assert!(module.has_function_names());
        assert_eq!(module.custom_sections, [("name".to_string(), 13)]);
    }

    #[test]
    fn anything_else_is_refused() {
        assert!(Module::read(b"not wasm").is_err());
    }
}
