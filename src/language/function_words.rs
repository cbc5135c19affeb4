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

use std::ops::Range;

use super::SUPPORTED;
use crate::text::Prepared;
use crate::token::Vocabulary;

/// A word's vote: one of rung's languages (an index into `SUPPORTED`) or another language.
/// Two bytes, so that a table of them by token number stays in the nearest cache.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Vote {
    Supported(u8),
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

/// Every listed word, for a vocabulary to number.
pub fn words() -> impl Iterator<Item = &'static str> {
    LISTS.iter().flat_map(|(_, list)| list.iter().copied())
}

/// Per token number of a vocabulary that holds the listed [`words`], that word's vote: one
/// look-up by a number the matcher's reading of the text has already found.
pub struct Votes(Vec<Option<Vote>>);

impl Votes {
    pub fn new(vocabulary: &Vocabulary) -> Votes {
        let mut votes = vec![None; vocabulary.len()];
        for &(vote, list) in LISTS {
            for word in list {
                let id = vocabulary
                    .id(word)
                    .expect("the vocabulary holds the listed words");
                votes[id as usize] = Some(vote);
            }
        }
        Votes(votes)
    }

    /// The vote of the token numbered `id` (or [`crate::matcher::NO_TOKEN`]).
    #[inline]
    fn of(&self, id: u32) -> Option<Vote> {
        self.0.get(id as usize).copied().flatten()
    }
}

/// Latin letters end here (Latin Extended-B); a letter past it is of another script.
const LAST_LATIN: char = '\u{024F}';
/// The fewest votes for the leading language in a stretch that has votes for others too.
const MIN_STRETCH_VOTES: u32 = 3;
/// The fewest votes for the leading language over the whole sample.
const MIN_VOTES: u32 = 8;
/// How many times the leading language must outnumber all other votes together.
const MARGIN: u32 = 4;

/// The language of the stretches `ranges` of the normalised (lower-case) text `prepared`,
/// when one of rung's languages dominates each of them alike; `None` leaves the decision to
/// trigram statistics. The matcher reads the same tokens after.
pub(super) fn guess(
    prepared: &Prepared,
    votes: &Votes,
    ranges: &[Range<usize>],
) -> Option<&'static str> {
    let mut answer = None;
    let mut total = 0;
    for range in ranges {
        let (counts, other) = count(prepared, votes, range);
        let (lang, leading) = counts.iter().copied().enumerate().max_by_key(|&(_, n)| n)?;
        let rest = counts.iter().sum::<u32>() - leading + other;
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

/// Votes for each of rung's languages in the words of `prepared` inside `range`, and for
/// any other language.
fn count(
    prepared: &Prepared,
    votes: &Votes,
    range: &Range<usize>,
) -> ([u32; SUPPORTED.len()], u32) {
    let mut counts = [0; SUPPORTED.len()];
    let mut other = 0;
    let text = prepared.norm.text.as_str();
    let tokens = &prepared.tokens;
    let first = tokens.partition_point(|t| (t.start as usize) < range.start);
    let inside = tokens[first..]
        .iter()
        .zip(&prepared.ids[first..])
        .take_while(|(t, _)| t.end as usize <= range.end);
    for (token, &id) in inside.filter(|(t, _)| t.word) {
        let beyond_latin = || {
            text[token.range()]
                .chars()
                .any(|c| c > LAST_LATIN && c.is_alphabetic())
        };
        if !token.ascii && beyond_latin() {
            other += 1;
            continue;
        }
        match votes.of(id) {
            Some(Vote::Supported(i)) => counts[usize::from(i)] += 1,
            Some(Vote::Other) => other += 1,
            None => {}
        }
    }
    (counts, other)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct NoTerms;
    impl crate::text::Vocabulary for NoTerms {
        fn is_term(&self, _: &str) -> bool {
            false
        }
        fn is_unit(&self, _: &str) -> bool {
            false
        }
    }

    /// A text prepared as the analyzer prepares it, for these plain texts: lower-cased.
    fn prepared(text: &str) -> (Prepared, Votes) {
        let mut vocabulary = Vocabulary::default();
        for word in words() {
            vocabulary.intern(word);
        }
        let text = text.to_lowercase();
        let tokens = crate::token::tokens(&text);
        let ids = tokens
            .iter()
            .map(|t| vocabulary.id(&text[t.range()]).unwrap_or(u32::MAX))
            .collect();
        let norm = crate::text::Normalized::new(&text, &NoTerms);
        assert_eq!(norm.text, text);
        let votes = Votes::new(&vocabulary);
        (Prepared { norm, tokens, ids }, votes)
    }

    /// `guess` on stretches, joined by line breaks.
    fn guess_of(stretches: &[&str]) -> Option<&'static str> {
        let mut text = String::new();
        let mut ranges = Vec::new();
        for stretch in stretches {
            let start = text.len();
            text.push_str(&stretch.to_lowercase());
            ranges.push(start..text.len());
            text.push('\n');
        }
        let (prepared, votes) = prepared(&text);
        guess(&prepared, &votes, &ranges)
    }

    #[test]
    fn words_cut_at_a_stretch_edge_do_not_vote() {
        let text = "und und und und und und und und";
        let (prepared, votes) = prepared(text);
        let german = |range: Range<usize>| count(&prepared, &votes, &range).0[1];
        assert_eq!(german(0..text.len()), 8);
        assert_eq!(german(1..text.len() - 1), 6);
    }

    #[test]
    fn one_clear_language_is_named() {
        let en = "We are looking for an engineer who will join our team. You will work with \
                  the data platform and your colleagues, and you have three years of experience.";
        assert_eq!(guess_of(&[en]), Some("en"));
        let de = "Wir suchen für unser Team eine Entwicklerin, die sich mit Daten auskennt. Du \
                  bist neugierig und arbeitest gern im Team, auch mit Kunden, sowie mit uns.";
        assert_eq!(guess_of(&[de]), Some("de"));
    }

    #[test]
    fn mixed_or_other_languages_abstain() {
        let en = "We are looking for an engineer who will join our team. You will work with \
                  the data platform and your colleagues, and you have three years of experience.";
        let de = "Wir suchen für unser Team eine Entwicklerin, die sich mit Daten auskennt. Du \
                  bist neugierig und arbeitest gern im Team, auch mit Kunden, sowie mit uns.";
        assert_eq!(guess_of(&[en, de]), None);
        let da = "Vi søger en udvikler som har erfaring med data og som vil arbejde i et team, \
                  og du har mindst tre års erfaring. Det er en stilling til dig som er nysgerrig.";
        assert_eq!(guess_of(&[da]), None);
        let ca = "Busquem una persona amb experiència en dades per al nostre equip, i els \
                  candidats han de tenir tres anys d'experiència amb els sistemes dels clients.";
        assert_eq!(guess_of(&[ca]), None);
        let ro = "Căutăm un inginer cu experiență pentru echipa noastră, care să lucreze cu \
                  datele clienților și să aibă cel puțin trei ani de experiență în domeniu.";
        assert_eq!(guess_of(&[ro]), None);
        let ru = "Мы ищем инженера with the team and you will work with our data and your code";
        assert_eq!(guess_of(&[ru]), None);
        assert_eq!(guess_of(&["Senior Engineer"]), None);
    }
}
