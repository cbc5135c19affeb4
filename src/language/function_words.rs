//! A quick first opinion on a posting's language from its function words ("the", "und",
//! "het", "się"). Most postings are plainly written in one language, and counting their short
//! words costs about a microsecond where trigram statistics cost a hundred. The opinion is
//! given only when one of rung's languages dominates every stretch of the sample and no
//! word of another European language (Danish "og", Catalan "amb", Romanian "și") or of
//! another script shows up; otherwise it abstains and whatlang decides.
//!
//! The word lists hold only words that are frequent in one language and not words of
//! another candidate language: "de", "la", "que", "con", "die" or "is" are left out because
//! two or more languages share them.

use std::sync::LazyLock;

use super::SUPPORTED;
use crate::token::Vocabulary;

/// A word's vote: one of rung's languages (an index into `SUPPORTED`) or another language.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Vote {
    Supported(usize),
    Other,
}

/// The listed words, by the language they vote for.
const LISTS: &[(Vote, &[&str])] = &[
    (
        Vote::Supported(0),
        &[
            "the", "and", "with", "you", "your", "our", "are", "will", "this", "that", "have",
            "from", "who", "their", "they", "which",
        ],
    ),
    (
        Vote::Supported(1),
        &[
            "und", "das", "für", "wir", "ist", "nicht", "auch", "oder", "eine", "einen", "einer",
            "sowie", "werden", "bei", "zu", "von", "sich", "ihre", "unsere", "uns", "sie", "im",
            "dich", "deine", "bist",
        ],
    ),
    (
        Vote::Supported(2),
        &[
            "het", "een", "van", "voor", "wij", "zijn", "niet", "ook", "naar", "onze", "jij",
            "bij", "wat", "op", "dat", "ons", "worden", "wordt", "jouw", "deze", "heb", "met",
        ],
    ),
    (
        Vote::Supported(3),
        &[
            "les", "et", "pour", "avec", "vous", "nous", "est", "dans", "sur", "aux", "votre",
            "notre", "vos", "une", "sont", "être", "cette", "ces", "pas", "elle", "au",
        ],
    ),
    (
        Vote::Supported(4),
        &[
            "los",
            "las",
            "y",
            "sus",
            "nuestro",
            "nuestra",
            "nuestros",
            "nuestras",
            "más",
            "muy",
            "también",
            "pero",
            "el",
            "tus",
            "eres",
            "estamos",
            "cuando",
            "donde",
            "puedes",
            "tienes",
            "hasta",
            "experiencia",
            "trabajo",
            "equipo",
            "años",
            "conocimientos",
            "ofrecemos",
        ],
    ),
    (
        Vote::Supported(5),
        &[
            "gli",
            "di",
            "della",
            "delle",
            "dei",
            "degli",
            "nel",
            "nella",
            "nelle",
            "alla",
            "alle",
            "che",
            "è",
            "sono",
            "anche",
            "siamo",
            "sarà",
            "tuo",
            "tua",
            "nostro",
            "nostra",
            "nostri",
            "il",
            "esperienza",
            "lavoro",
            "azienda",
            "requisiti",
            "conoscenza",
            "offriamo",
            "cerchiamo",
        ],
    ),
    (
        Vote::Supported(6),
        &[
            "się",
            "oraz",
            "jest",
            "dla",
            "nie",
            "że",
            "są",
            "czy",
            "przy",
            "lub",
            "z",
            "w",
            "ze",
            "od",
            "jak",
            "będzie",
            "będziesz",
            "także",
            "również",
            "jako",
        ],
    ),
    (
        Vote::Supported(7),
        &[
            "os",
            "em",
            "um",
            "uma",
            "é",
            "são",
            "seu",
            "sua",
            "seus",
            "suas",
            "você",
            "nosso",
            "nossa",
            "ao",
            "mais",
            "não",
            "também",
            "pelo",
            "pela",
            "pelos",
            "pelas",
            "à",
            "às",
            "nas",
            "isso",
            "essa",
            "esse",
            "vaga",
            "trabalho",
            "experiência",
            "conhecimento",
            "conhecimentos",
            "equipe",
        ],
    ),
    // Danish, Norwegian, Swedish, Finnish, Estonian, Romanian, Czech, Slovak, Hungarian,
    // Turkish, Croatian, Slovene, Lithuanian, Latvian, Catalan.
    (
        Vote::Other,
        &[
            "og", "och", "til", "av", "på", "är", "ikke", "inte", "jeg", "har", "det", "som",
            "att", "eller", "för", "skal", "ska", "vil", "ja", "että", "tai", "sekä", "olet",
            "ning", "või", "și", "în", "pentru", "să", "sunt", "cu", "jsou", "nebo", "také", "ako",
            "sú", "alebo", "és", "hogy", "egy", "nem", "vagy", "az", "bir", "bu", "için", "ile",
            "olarak", "koji", "kao", "ki", "ir", "yra", "amb", "els", "dels", "aquest", "aquesta",
        ],
    ),
];

/// Every listed word numbered, with its vote by number: one look-up a word, which
/// compares a packed integer, not a string.
static VOTES: LazyLock<(Vocabulary, Vec<Vote>)> = LazyLock::new(|| {
    let mut words = Vocabulary::default();
    let mut votes = Vec::new();
    for &(vote, list) in LISTS {
        for word in list {
            words.intern(word);
            votes.push(vote);
        }
    }
    (words, votes)
});

/// The vote of the word `bytes[start..end]`.
#[inline]
fn vote(bytes: &[u8], start: usize, end: usize) -> Option<Vote> {
    let (words, votes) = &*VOTES;
    words.id_at(bytes, start, end).map(|id| votes[id as usize])
}

/// Latin letters end here (Latin Extended-B); a letter past it is of another script.
const LAST_LATIN: char = '\u{024F}';
/// The fewest votes for the leading language in a stretch that has votes for others too.
const MIN_STRETCH_VOTES: u32 = 3;
/// The fewest votes for the leading language over the whole sample.
const MIN_VOTES: u32 = 8;
/// How many times the leading language must outnumber all other votes together.
const MARGIN: u32 = 4;
/// Longest word in the lists, in bytes ("doświadczenie").
const MAX_WORD_BYTES: usize = 14;

/// The language of `stretches` when one of rung's languages dominates each of them alike;
/// `None` leaves the decision to trigram statistics.
pub(super) fn guess(stretches: &[&str]) -> Option<&'static str> {
    let mut answer = None;
    let mut total = 0;
    for stretch in stretches {
        let (votes, other) = count(stretch);
        let (lang, leading) = votes.iter().copied().enumerate().max_by_key(|&(_, n)| n)?;
        let rest = votes.iter().sum::<u32>() - leading + other;
        if rest == 0 && leading < MIN_STRETCH_VOTES {
            // A list of skills or benefits: no evidence either way.
            continue;
        }
        if leading < MIN_STRETCH_VOTES || leading < MARGIN * rest {
            return None;
        }
        if answer.is_some_and(|a| a != lang) {
            return None;
        }
        answer = Some(lang);
        total += leading;
    }
    answer.filter(|_| total >= MIN_VOTES).map(|i| SUPPORTED[i])
}

/// Votes for each of rung's languages in `stretch`, and for any other language.
fn count(stretch: &str) -> ([u32; SUPPORTED.len()], u32) {
    let mut votes = [0; SUPPORTED.len()];
    let mut other = 0;
    let mut lower = String::new();
    for word in words(stretch) {
        if word.beyond_latin {
            other += 1;
            continue;
        }
        let (start, end) = (word.range.start, word.range.end);
        if end - start > MAX_WORD_BYTES {
            continue;
        }
        // The word as bytes with room after it, so that its look-up reads it in one load.
        let (bytes, start, end) = if !word.upper {
            (stretch.as_bytes(), start, end)
        } else {
            lower.clear();
            if word.wide {
                lower.extend(stretch[start..end].chars().flat_map(char::to_lowercase));
            } else {
                lower.push_str(&stretch[start..end]);
                lower.make_ascii_lowercase();
            }
            let len = lower.len();
            lower.push_str("        ");
            (lower.as_bytes(), 0, len)
        };
        match vote(bytes, start, end) {
            Some(Vote::Supported(i)) => votes[i] += 1,
            Some(Vote::Other) => other += 1,
            None => {}
        }
    }
    (votes, other)
}

/// A run of letters, and what its look-up needs to know of it, found while it was read.
struct Word {
    range: std::ops::Range<usize>,
    /// It holds a character outside ASCII.
    wide: bool,
    /// It holds an upper-case letter.
    upper: bool,
    /// It holds a letter of a script other than Latin.
    beyond_latin: bool,
}

/// The runs of letters of `text` (what `text.split(|c| !c.is_alphabetic())` gives, less
/// the empty pieces), ASCII told by byte.
fn words(text: &str) -> impl Iterator<Item = Word> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    // The character at `at`, outside ASCII, and its length.
    let wide = move |at: usize| {
        let c = text[at..].chars().next().expect("a character boundary");
        (c, c.len_utf8())
    };
    std::iter::from_fn(move || {
        // To the next letter.
        loop {
            while at < bytes.len() && bytes[at].is_ascii() && !bytes[at].is_ascii_alphabetic() {
                at += 1;
            }
            if at >= bytes.len() {
                return None;
            }
            if bytes[at].is_ascii() {
                break;
            }
            let (c, len) = wide(at);
            if c.is_alphabetic() {
                break;
            }
            at += len;
        }
        // To its end.
        let start = at;
        let (mut is_wide, mut upper, mut beyond_latin) = (false, false, false);
        loop {
            while at < bytes.len() && bytes[at].is_ascii_alphabetic() {
                upper |= bytes[at].is_ascii_uppercase();
                at += 1;
            }
            if at < bytes.len() && !bytes[at].is_ascii() {
                let (c, len) = wide(at);
                if c.is_alphabetic() {
                    is_wide = true;
                    upper |= c.is_uppercase();
                    beyond_latin |= c > LAST_LATIN;
                    at += len;
                    continue;
                }
            }
            break;
        }
        Some(Word {
            range: start..at,
            wide: is_wide,
            upper,
            beyond_latin,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_runs_of_letters() {
        for text in [
            "",
            "a",
            "Hello, wörld! 3d x_y  się—że",
            "...",
            "naïve café ½ ß",
        ] {
            let want: Vec<&str> = text
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .collect();
            let got: Vec<&str> = words(text).map(|w| &text[w.range]).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn one_clear_language_is_named() {
        let en = "We are looking for an engineer who will join our team. You will work with \
                  the data platform and your colleagues, and you have three years of experience.";
        assert_eq!(guess(&[en]), Some("en"));
        let de = "Wir suchen für unser Team eine Entwicklerin, die sich mit Daten auskennt. Du \
                  bist neugierig und arbeitest gern im Team, auch mit Kunden, sowie mit uns.";
        assert_eq!(guess(&[de]), Some("de"));
    }

    #[test]
    fn mixed_or_other_languages_abstain() {
        let en = "We are looking for an engineer who will join our team. You will work with \
                  the data platform and your colleagues, and you have three years of experience.";
        let de = "Wir suchen für unser Team eine Entwicklerin, die sich mit Daten auskennt. Du \
                  bist neugierig und arbeitest gern im Team, auch mit Kunden, sowie mit uns.";
        assert_eq!(guess(&[en, de]), None);
        let da = "Vi søger en udvikler som har erfaring med data og som vil arbejde i et team, \
                  og du har mindst tre års erfaring. Det er en stilling til dig som er nysgerrig.";
        assert_eq!(guess(&[da]), None);
        let ca = "Busquem una persona amb experiència en dades per al nostre equip, i els \
                  candidats han de tenir tres anys d'experiència amb els sistemes dels clients.";
        assert_eq!(guess(&[ca]), None);
        let ro = "Căutăm un inginer cu experiență pentru echipa noastră, care să lucreze cu \
                  datele clienților și să aibă cel puțin trei ani de experiență în domeniu.";
        assert_eq!(guess(&[ro]), None);
        let ru = "Мы ищем инженера with the team and you will work with our data and your code";
        assert_eq!(guess(&[ru]), None);
        assert_eq!(guess(&["Senior Engineer"]), None);
    }
}
