//! Authoring packages: the New package page, and the draft's editing, publishing, deleting
//! and history on package details.
