//! The shipped lexicons, compiled into the binary.

macro_rules! lexicon_files {
    ($($lang:literal => [$($stem:literal),* $(,)?]),* $(,)?) => {
        /// `(language, path, contents)` of every shipped lexicon file.
        pub const FILES: &[(&str, &str, &str)] = &[
            $($(
                (
                    $lang,
                    concat!("lexicons/", $lang, "/", $stem, ".tsv"),
                    include_str!(concat!("../../lexicons/", $lang, "/", $stem, ".tsv")),
                ),
            )*)*
        ];
    };
}

lexicon_files! {
    "en" => ["autonomy", "context", "degree", "experience", "leadership", "technology", "title"],
    "de" => ["autonomy", "context", "degree", "experience", "leadership", "title"],
    "nl" => ["autonomy", "context", "degree", "experience", "leadership", "title"],
    "fr" => ["autonomy", "context", "degree", "experience", "leadership", "title"],
    "es" => ["autonomy", "context", "degree", "experience", "leadership", "title"],
    "it" => ["autonomy", "context", "degree", "experience", "leadership", "title"],
    "pl" => ["autonomy", "context", "degree", "experience", "leadership", "title"],
    "pt" => ["autonomy", "context", "degree", "experience", "leadership", "title"],
}
