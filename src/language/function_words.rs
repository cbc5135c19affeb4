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

use std::ops::Range;

use super::SUPPORTED;
use crate::token::{Token, Vocabulary};

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

/// The language of the stretches `ranges` of the normalised (lower-case) `text`, whose
/// tokens are `tokens`, when one of rung's languages dominates each of them alike; `None`
/// leaves the decision to trigram statistics. The matcher reads the same tokens after.
pub(super) fn guess(text: &str, tokens: &[Token], ranges: &[Range<usize>]) -> Option<&'static str> {
    let mut answer = None;
    let mut total = 0;
    for range in ranges {
        let (votes, other) = count(text, tokens, range);
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

/// Votes for each of rung's languages in the words of `text` inside `range`, and for any
/// other language.
fn count(text: &str, tokens: &[Token], range: &Range<usize>) -> ([u32; SUPPORTED.len()], u32) {
    let mut votes = [0; SUPPORTED.len()];
    let mut other = 0;
    let bytes = text.as_bytes();
    let first = tokens.partition_point(|t| (t.start as usize) < range.start);
    let inside = tokens[first..]
        .iter()
        .take_while(|t| t.end as usize <= range.end);
    for token in inside.filter(|t| t.word) {
        let (start, end) = (token.start as usize, token.end as usize);
        let word = &bytes[start..end];
        if !word.is_ascii()
            && text[start..end]
                .chars()
                .any(|c| c > LAST_LATIN && c.is_alphabetic())
        {
            other += 1;
            continue;
        }
        if end - start > MAX_WORD_BYTES {
            continue;
        }
        match vote(bytes, start, end) {
            Some(Vote::Supported(i)) => votes[i] += 1,
            Some(Vote::Other) => other += 1,
            None => {}
        }
    }
    (votes, other)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `guess` on stretches, lower-cased and joined as the normaliser would for these texts.
    fn guess_of(stretches: &[&str]) -> Option<&'static str> {
        let mut text = String::new();
        let mut ranges = Vec::new();
        for stretch in stretches {
            let start = text.len();
            text.push_str(&stretch.to_lowercase());
            ranges.push(start..text.len());
            text.push('\n');
        }
        guess(&text, &crate::token::tokens(&text), &ranges)
    }

    #[test]
    fn words_cut_at_a_stretch_edge_do_not_vote() {
        let text = "und und und und und und und und";
        let tokens = crate::token::tokens(text);
        let votes = |range: Range<usize>| count(text, &tokens, &range).0[1];
        assert_eq!(votes(0..text.len()), 8);
        assert_eq!(votes(1..text.len() - 1), 6);
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
