#include "extract/lexicon.hpp"

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "citecard/extract.hpp"

namespace citecard::extract_detail {
namespace {

using namespace word;

// Verbs of saying, writing and stating a view, as lemmas. Their inflections are generated below;
// irregular ones are listed with the forms.
constexpr const char* kSpeechLemmas[] = {
    "add",          "acknowledge",  "admit",    "advise",    "affirm",    "agree",     "allege",
    "announce",     "answer",       "argue",    "ask",       "assert",    "assure",    "boast",
    "brag",         "caution",      "charge",   "claim",     "comment",   "complain",  "concede",
    "conclude",     "confirm",      "contend",  "continue",  "counter",   "cry",       "declare",
    "demand",       "deny",         "describe", "disagree",  "dismiss",   "emphasize", "emphasise",
    "estimate",     "exclaim",      "explain",  "hail",      "insist",    "joke",      "lament",
    "maintain",     "mention",      "muse",     "note",      "observe",   "offer",     "pledge",
    "plead",        "point",        "posit",    "post",      "praise",    "predict",   "proclaim",
    "promise",      "propose",      "protest",  "question",  "quip",      "reason",    "recall",
    "recount",      "reaffirm",     "reflect",  "refer",     "reiterate", "remark",    "remind",
    "repeat",       "reply",        "report",   "respond",   "retort",    "reveal",    "scoff",
    "scream",       "shout",        "signal",   "snap",      "sneer",     "speculate", "state",
    "stress",       "suggest",      "testify",  "tout",      "tweet",     "underline", "underscore",
    "urge",         "vow",          "warn",     "whisper",   "wonder",    "yell",      "criticize",
    "criticise",    "condemn",      "accuse",   "blast",     "slam",      "welcome",   "recommend",
    "characterize", "characterise", "indicate", "highlight", "add",       "interject", "concur",
    "rebut",        "quote",        "write",    "say",       "tell",      "speak",     "think",
    "believe",      "hope",         "fear",     "feel",      "reckon",    "expect",    "told"};

constexpr const char* kCognitionLemmas[] = {"think",  "believe", "hope",   "fear",   "feel",
                                            "reckon", "expect",  "wonder", "suggest"};

// Verbs whose inversion ("…," said Kim) is idiomatic.
constexpr const char* kInvertibleLemmas[] = {
    "say",     "add",         "write",     "ask",     "note",     "explain", "continue",
    "reply",   "answer",      "recall",    "insist",  "warn",     "argue",   "declare",
    "exclaim", "observe",     "remark",    "respond", "retort",   "quip",    "joke",
    "muse",    "conclude",    "counter",   "tweet",   "post",     "suggest", "concede",
    "admit",   "acknowledge", "state",     "claim",   "whisper",  "shout",   "yell",
    "cry",     "snap",        "wonder",    "report",  "announce", "comment", "caution",
    "stress",  "emphasize",   "emphasise", "predict", "lament",   "boast",   "protest",
    "reason",  "interject",   "tell"};

constexpr const char* kNamingLemmas[] = {
    "call",  "dub",      "label",        "brand",        "term", "nickname", "describe",
    "refer", "christen", "characterize", "characterise", "deem", "hail"};

constexpr const char* kDubCues[] = {
    "so-called",  "dubbed",    "nicknamed", "known",   "titled",     "entitled", "named",
    "termed",     "branded",   "labelled",  "labeled", "billed",     "styled",   "self-styled",
    "christened", "headlined", "captioned", "hashtag", "slogan",     "term",     "phrase",
    "word",       "motto",     "tagline",   "banner",  "catchphrase"};

constexpr const char* kDoubling[] = {"admit", "refer",  "quip",   "commit", "concur", "rebut",
                                     "snap",  "confer", "regret", "nod",    "omit"};

struct Irregular {
  const char* lemma;
  std::vector<const char*> forms;
};
const Irregular kIrregular[] = {
    {"say", {"said", "says", "saying"}},
    {"tell", {"told", "tells", "telling"}},
    {"write", {"wrote", "writes", "writing", "written"}},
    {"speak", {"spoke", "speaks", "speaking", "spoken"}},
    {"think", {"thought", "thinks", "thinking"}},
    {"feel", {"felt", "feels", "feeling"}},
    {"told", {"told"}},
};

constexpr const char* kRoles[] = {"president",
                                  "vice",
                                  "prime",
                                  "minister",
                                  "secretary",
                                  "spokesperson",
                                  "spokesman",
                                  "spokeswoman",
                                  "spokespeople",
                                  "leader",
                                  "chairman",
                                  "chairwoman",
                                  "chairperson",
                                  "chair",
                                  "director",
                                  "professor",
                                  "scholar",
                                  "analyst",
                                  "reporter",
                                  "correspondent",
                                  "editor",
                                  "journalist",
                                  "columnist",
                                  "writer",
                                  "author",
                                  "expert",
                                  "fellow",
                                  "researcher",
                                  "scientist",
                                  "economist",
                                  "official",
                                  "officer",
                                  "ambassador",
                                  "envoy",
                                  "diplomat",
                                  "advisor",
                                  "adviser",
                                  "senator",
                                  "representative",
                                  "congressman",
                                  "congresswoman",
                                  "governor",
                                  "mayor",
                                  "councilor",
                                  "councillor",
                                  "councilman",
                                  "councilwoman",
                                  "council",
                                  "judge",
                                  "justice",
                                  "attorney",
                                  "lawyer",
                                  "prosecutor",
                                  "general",
                                  "colonel",
                                  "lieutenant",
                                  "captain",
                                  "sergeant",
                                  "admiral",
                                  "commander",
                                  "chief",
                                  "executive",
                                  "ceo",
                                  "cfo",
                                  "founder",
                                  "co-founder",
                                  "owner",
                                  "manager",
                                  "coach",
                                  "player",
                                  "striker",
                                  "deputy",
                                  "head",
                                  "king",
                                  "queen",
                                  "prince",
                                  "princess",
                                  "pope",
                                  "bishop",
                                  "archbishop",
                                  "cardinal",
                                  "doctor",
                                  "physician",
                                  "surgeon",
                                  "nurse",
                                  "engineer",
                                  "teacher",
                                  "student",
                                  "resident",
                                  "activist",
                                  "organizer",
                                  "organiser",
                                  "candidate",
                                  "lawmaker",
                                  "legislator",
                                  "commissioner",
                                  "superintendent",
                                  "inspector",
                                  "detective",
                                  "sheriff",
                                  "chancellor",
                                  "premier",
                                  "emperor",
                                  "dictator",
                                  "monarch",
                                  "secretary-general",
                                  "director-general",
                                  "pastor",
                                  "rabbi",
                                  "imam",
                                  "treasurer",
                                  "principal",
                                  "dean",
                                  "provost",
                                  "lecturer",
                                  "historian",
                                  "strategist",
                                  "consultant",
                                  "commentator",
                                  "host",
                                  "anchor",
                                  "presenter",
                                  "producer",
                                  "actor",
                                  "actress",
                                  "singer",
                                  "artist",
                                  "musician",
                                  "athlete",
                                  "midfielder",
                                  "defender",
                                  "goalkeeper",
                                  "forward",
                                  "referee",
                                  "trainer",
                                  "agent",
                                  "negotiator",
                                  "mediator",
                                  "investor",
                                  "banker",
                                  "chef",
                                  "farmer",
                                  "pilot",
                                  "soldier",
                                  "mp",
                                  "mep",
                                  "rep",
                                  "sen",
                                  "gov",
                                  "dr",
                                  "gen",
                                  "col",
                                  "lt",
                                  "capt",
                                  "sgt",
                                  "adm",
                                  "maj",
                                  "cmdr",
                                  "supt",
                                  "insp",
                                  "det",
                                  "atty",
                                  "prof",
                                  "rev",
                                  "fr",
                                  "hon",
                                  "pres",
                                  "gov.",
                                  "sen.",
                                  "rep.",
                                  "dr.",
                                  "gen.",
                                  "col.",
                                  "lt.",
                                  "capt.",
                                  "sgt.",
                                  "prof.",
                                  "rev.",
                                  "hon.",
                                  "supt.",
                                  "det.",
                                  "atty.",
                                  "pastor",
                                  "officer",
                                  "marshal",
                                  "mufti",
                                  "sheikh",
                                  "ayatollah",
                                  "administrator",
                                  "coordinator",
                                  "partner",
                                  "associate",
                                  "assistant",
                                  "staffer",
                                  "aide",
                                  "photographer",
                                  "critic",
                                  "novelist",
                                  "poet",
                                  "playwright",
                                  "filmmaker",
                                  "designer",
                                  "architect",
                                  "entrepreneur",
                                  "businessman",
                                  "businesswoman",
                                  "economist",
                                  "epidemiologist",
                                  "virologist",
                                  "psychologist",
                                  "sociologist",
                                  "physicist",
                                  "chemist",
                                  "biologist",
                                  "demographer",
                                  "pollster",
                                  "vice-president",
                                  "vice-chair",
                                  "ceo",
                                  "chairmen",
                                  "mother",
                                  "father",
                                  "wife",
                                  "husband",
                                  "son",
                                  "daughter",
                                  "brother",
                                  "sister",
                                  "grandmother",
                                  "grandfather",
                                  "widow",
                                  "owner",
                                  "operator",
                                  "worker",
                                  "employee",
                                  "clerk",
                                  "auditor",
                                  "comptroller",
                                  "magistrate",
                                  "barrister",
                                  "solicitor",
                                  "counsel",
                                  "defendant",
                                  "plaintiff",
                                  "witness",
                                  "victim",
                                  "survivor",
                                  "protester",
                                  "supporter",
                                  "opponent",
                                  "member",
                                  "voter",
                                  "fan",
                                  "volunteer",
                                  "great-granddaughter",
                                  "granddaughter",
                                  "grandson",
                                  "scholars",
                                  "analysts",
                                  "officials",
                                  "experts",
                                  "researchers",
                                  "reporters",
                                  "authors"};

constexpr const char* kHonorifics[] = {
    "mr",   "mrs",  "ms",    "miss", "mx",   "dr",   "prof", "sir", "dame",  "lord",
    "lady", "rev",  "hon",   "sen",  "rep",  "gov",  "gen",  "col", "lt",    "capt",
    "sgt",  "adm",  "maj",   "cmdr", "st",   "mr.",  "mrs.", "ms.", "dr.",   "prof.",
    "rev.", "hon.", "sen.",  "rep.", "gov.", "gen.", "col.", "lt.", "capt.", "sgt.",
    "adm.", "maj.", "cmdr.", "st.",  "fr",   "fr."};

constexpr const char* kOrgHeads[] = {"union",
                                     "court",
                                     "ministry",
                                     "council",
                                     "coalition",
                                     "center",
                                     "centre",
                                     "institute",
                                     "university",
                                     "college",
                                     "school",
                                     "party",
                                     "agency",
                                     "association",
                                     "committee",
                                     "commission",
                                     "department",
                                     "office",
                                     "times",
                                     "news",
                                     "post",
                                     "journal",
                                     "press",
                                     "reuters",
                                     "bank",
                                     "fund",
                                     "group",
                                     "corporation",
                                     "corp",
                                     "corp.",
                                     "company",
                                     "co.",
                                     "inc",
                                     "inc.",
                                     "ltd",
                                     "ltd.",
                                     "llc",
                                     "plc",
                                     "club",
                                     "foundation",
                                     "force",
                                     "forces",
                                     "army",
                                     "navy",
                                     "police",
                                     "parliament",
                                     "congress",
                                     "senate",
                                     "assembly",
                                     "government",
                                     "administration",
                                     "kremlin",
                                     "pentagon",
                                     "fleet",
                                     "board",
                                     "authority",
                                     "service",
                                     "services",
                                     "network",
                                     "organization",
                                     "organisation",
                                     "federation",
                                     "league",
                                     "alliance",
                                     "society",
                                     "trust",
                                     "institution",
                                     "studies",
                                     "affairs",
                                     "review",
                                     "magazine",
                                     "tribune",
                                     "herald",
                                     "guardian",
                                     "telegraph",
                                     "gazette",
                                     "chronicle",
                                     "observer",
                                     "broadcasting",
                                     "television",
                                     "radio",
                                     "tv",
                                     "channel",
                                     "media",
                                     "newspaper",
                                     "daily",
                                     "weekly",
                                     "monitor",
                                     "watch",
                                     "international",
                                     "foundation",
                                     "hospital",
                                     "clinic",
                                     "church",
                                     "diocese",
                                     "academy",
                                     "laboratory",
                                     "lab",
                                     "labs",
                                     "museum",
                                     "library",
                                     "airlines",
                                     "airways",
                                     "motors",
                                     "industries",
                                     "holdings",
                                     "partners",
                                     "capital",
                                     "ventures",
                                     "systems",
                                     "technologies",
                                     "pharmaceuticals",
                                     "fc",
                                     "united",
                                     "city",
                                     "rovers",
                                     "cabinet",
                                     "bureau",
                                     "directorate",
                                     "secretariat",
                                     "embassy",
                                     "consulate",
                                     "mission",
                                     "tribunal",
                                     "prosecutors",
                                     "cosmodrome",
                                     "spaceport",
                                     "station",
                                     "airport",
                                     "port",
                                     "house",
                                     "square",
                                     "street",
                                     "st",
                                     "avenue",
                                     "road",
                                     "bridge",
                                     "park",
                                     "stadium",
                                     "arena",
                                     "hall",
                                     "centre",
                                     "policy",
                                     "politico",
                                     "bloomberg",
                                     "sputnik",
                                     "tass",
                                     "yonhap",
                                     "xinhua",
                                     "kcna"};

// Words that begin sentences and headlines but are not names when capitalised.
constexpr const char* kFunctionWords[] = {"the",       "a",          "an",         "this",
                                          "that",      "these",      "those",      "in",
                                          "on",        "at",         "when",       "while",
                                          "but",       "and",        "or",         "if",
                                          "as",        "after",      "before",     "it",
                                          "he",        "she",        "they",       "we",
                                          "i",         "you",        "his",        "her",
                                          "their",     "its",        "our",        "my",
                                          "your",      "there",      "here",       "what",
                                          "who",       "why",        "how",        "where",
                                          "which",     "whether",    "with",       "without",
                                          "for",       "from",       "by",         "to",
                                          "of",        "so",         "yet",        "still",
                                          "also",      "then",       "now",        "since",
                                          "until",     "because",    "although",   "though",
                                          "despite",   "during",     "over",       "under",
                                          "about",     "some",       "many",       "most",
                                          "more",      "much",       "few",        "several",
                                          "all",       "both",       "each",       "every",
                                          "no",        "not",        "one",        "two",
                                          "three",     "four",       "five",       "first",
                                          "second",    "third",      "fourth",     "fifth",
                                          "last",      "next",       "other",      "another",
                                          "such",      "even",       "just",       "only",
                                          "meanwhile", "however",    "instead",    "indeed",
                                          "rather",    "earlier",    "later",      "today",
                                          "yesterday", "tomorrow",   "tonight",    "once",
                                          "twice",     "like",       "unlike",     "among",
                                          "between",   "against",    "into",       "through",
                                          "within",    "across",     "amid",       "according",
                                          "asked",     "photo",      "watch",      "advertisement",
                                          "updated",   "read",       "related",    "listen",
                                          "share",     "getty",      "file",       "above",
                                          "below",     "top",        "more",       "q",
                                          "a1",        "flash",      "thus",       "whatever",
                                          "whoever",   "can",        "could",      "would",
                                          "should",    "will",       "may",        "might",
                                          "must",      "do",         "does",       "did",
                                          "is",        "are",        "was",        "were",
                                          "be",        "been",       "has",        "have",
                                          "had",       "let",        "please",     "yes",
                                          "perhaps",   "maybe",      "ultimately", "likewise",
                                          "similarly", "overall",    "finally",    "first,",
                                          "people",    "expanding",  "deepening",  "rather",
                                          "beyond",    "frozen",     "unlike",     "via",
                                          "per",       "mr",         "ms",         "mrs",
                                          "dr",        "sir",        "nor",        "neither",
                                          "either",    "any",        "everyone",   "nobody",
                                          "someone",   "something",  "nothing",    "everything",
                                          "again",     "already",    "soon",       "always",
                                          "never",     "often",      "sometimes",  "usually",
                                          "recently",  "currently",  "previously", "opponents",
                                          "fans",      "officials",  "analysts",   "experts",
                                          "critics",   "supporters", "residents"};

constexpr const char* kPronouns[] = {"he",  "she", "they", "we", "i", "it",
                                     "him", "her", "them", "us", "me"};

constexpr const char* kMonths[] = {
    "january",   "february", "march",    "april",    "may",  "june", "july", "august",
    "september", "october",  "november", "december", "jan",  "feb",  "mar",  "apr",
    "jun",       "jul",      "aug",      "sep",      "sept", "oct",  "nov",  "dec"};
constexpr const char* kWeekdays[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
    "tues",   "wed",     "thu",       "thur",     "thurs",  "fri",      "sat",    "sun"};

constexpr const char* kNumberWords[] = {
    "one",       "two",      "three",    "four",     "five",     "six",      "seven",     "eight",
    "nine",      "ten",      "eleven",   "twelve",   "thirteen", "fourteen", "fifteen",   "sixteen",
    "seventeen", "eighteen", "nineteen", "twenty",   "thirty",   "forty",    "fifty",     "sixty",
    "seventy",   "eighty",   "ninety",   "hundred",  "hundreds", "thousand", "thousands", "million",
    "millions",  "billion",  "billions", "trillion", "dozen",    "dozens",   "half",      "first",
    "second",    "third",    "fourth",   "fifth",    "sixth",    "seventh",  "eighth",    "ninth",
    "tenth",     "twice",    "score",    "scores",   "couple"};

// Abbreviations whose period is not the end of a sentence (titles before names, months before
// days, "No." before numbers, "St." before names).
constexpr const char* kAbbreviations[] = {
    "mr",     "mrs",   "ms",    "dr",     "prof", "sen",    "rep",  "gov",   "gen", "col",  "lt",
    "capt",   "sgt",   "adm",   "maj",    "cmdr", "st",     "rev",  "hon",   "fr",  "jr",   "sr",
    "supt",   "insp",  "det",   "atty",   "pres", "jan",    "feb",  "mar",   "apr", "jun",  "jul",
    "aug",    "sep",   "sept",  "oct",    "nov",  "dec",    "no",   "nos",   "vs",  "v",    "etc",
    "approx", "est",   "dept",  "univ",   "assn", "bros",   "mt",   "ft",    "ave", "blvd", "rd",
    "corp",   "inc",   "ltd",   "co",     "e.g",  "i.e",    "al",   "fig",   "vol", "pp",   "ch",
    "op",     "cf",    "gens",  "reps",   "sens", "messrs", "mmes", "mon",   "tue", "tues", "wed",
    "thu",    "thurs", "fri",   "sat",    "sun",  "ph",     "d",    "ed",    "eds", "ex",   "gov't",
    "govt",   "int'l", "nat'l", "approx", "ca",   "cir",    "cmdr", "comdr", "cpl", "pvt",  "spc",
    "ret",    "esq"};

constexpr const char* kSkipWords[] = {
    "also",         "again",        "later",      "previously", "reportedly", "recently",
    "then",         "now",          "has",        "have",       "had",        "was",
    "is",           "were",         "are",        "would",      "will",       "once",
    "further",      "repeatedly",   "publicly",   "privately",  "earlier",    "separately",
    "subsequently", "often",        "never",      "has",        "had",        "already",
    "simply",       "flatly",       "bluntly",    "frankly",    "quietly",    "firmly",
    "openly",       "angrily",      "famously",   "tweeted",    "still",      "even",
    "first",        "just",         "last",       "since",      "clearly",    "explicitly",
    "directly",     "specifically", "previously", "initially",  "finally",    "ultimately",
    "himself",      "herself",      "themselves", "itself",     "both",       "all",
    "too",          "likewise",     "similarly",  "meanwhile",  "however",    "had",
    "did",          "does",         "do",         "may",        "might",      "could",
    "can",          "should",       "must",       "reiterated", "once",       "yesterday",
    "today",        "tonight"};

constexpr const char* kBoundaryWords[] = {
    "that",   "which",   "who",     "whom",   "whose",   "if",     "because",  "when",
    "while",  "as",      "but",     "or",     "so",      "why",    "what",     "how",
    "where",  "whether", "than",    "after",  "before",  "since",  "although", "though",
    "to",     "for",     "in",      "on",     "at",      "by",     "with",     "from",
    "about",  "into",    "over",    "under",  "against", "during", "through",  "between",
    "among",  "amid",    "without", "within", "upon",    "toward", "towards",  "despite",
    "unless", "until",   "nor",     "yet",    "then",    "where",  "is",       "are",
    "was",    "were",    "be",      "been",   "being",   "has",    "have",     "had",
    "not",    "do",      "does",    "did",    "will",    "would",  "can",      "could",
    "should", "may",     "might",   "must",   "it",      "this",   "there",    "here",
    "like",   "per",     "via",     "also",   "even",    "only",   "just",     "up",
    "down",   "out",     "off",     "around", "across",  "behind", "beyond",   "near",
    "onto",   "along",   "above",   "below"};

constexpr const char* kDeterminers[] = {
    "the",   "a",     "an",      "some",        "many",  "several", "few",    "most",    "two",
    "three", "four",  "both",    "other",       "its",   "his",     "her",    "their",   "our",
    "these", "those", "this",    "that",        "top",   "senior",  "former", "various", "numerous",
    "all",   "more",  "western", "independent", "local", "foreign"};

constexpr const char* kGroupNouns[] = {
    "officials",   "analysts",      "experts",       "observers",    "critics",
    "residents",   "researchers",   "scientists",    "diplomats",    "sources",
    "authorities", "activists",     "lawmakers",     "legislators",  "leaders",
    "officers",    "investigators", "prosecutors",   "scholars",     "economists",
    "witnesses",   "protesters",    "protestors",    "supporters",   "opponents",
    "members",     "voters",        "fans",          "aides",        "advisers",
    "advisors",    "authors",       "organizers",    "organisers",   "doctors",
    "historians",  "students",      "teachers",      "workers",      "parents",
    "users",       "people",        "executives",    "spokespeople", "spokesmen",
    "negotiators", "commentators",  "strategists",   "insiders",     "sources",
    "police",      "campaigners",   "unions",        "owners",       "managers",
    "players",     "families",      "citizens",      "locals",       "villagers",
    "farmers",     "soldiers",      "troops",        "mps",          "senators",
    "democrats",   "republicans",   "conservatives", "liberals",     "environmentalists",
    "regulators",  "judges",        "justices",      "attorneys",    "lawyers",
    "prosecutors", "the authors",   "researchers",   "writers",      "editors",
    "reporters",   "journalists",   "ministers",     "governments",  "countries"};

constexpr const char* kFemaleWords[] = {
    // Given names common in English-language news across many origins.
    "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah",
    "karen", "lisa", "nancy", "betty", "margaret", "sandra", "ashley", "kimberly", "emily", "donna",
    "michelle", "carol", "amanda", "dorothy", "melissa", "deborah", "stephanie", "rebecca",
    "sharon", "laura", "cynthia", "kathleen", "amy", "angela", "shirley", "anna", "brenda",
    "pamela", "emma", "nicole", "helen", "samantha", "katherine", "christine", "debra", "rachel",
    "carolyn", "janet", "catherine", "maria", "heather", "diane", "ruth", "julie", "olivia",
    "joyce", "virginia", "victoria", "kelly", "lauren", "christina", "joan", "evelyn", "judith",
    "megan", "andrea", "cheryl", "hannah", "jacqueline", "martha", "gloria", "teresa", "ann",
    "sara", "madison", "frances", "kathryn", "janice", "jean", "abigail", "alice", "judy", "sophia",
    "grace", "denise", "amber", "doris", "marilyn", "danielle", "beverly", "isabella", "theresa",
    "diana", "natalie", "brittany", "charlotte", "marie", "kayla", "alexis", "lori", "nina",
    "ellen", "kamala", "hillary", "nancy", "ursula", "angela", "theresa", "jacinda", "giorgia",
    "marine", "annalena", "liz", "kristi", "nikki", "elise", "ilhan", "alexandria", "anita",
    "priya", "lena", "florence", "svetlana", "olga", "natalia", "tatiana", "irina", "elena",
    "yulia", "anastasia", "ekaterina", "maria", "marta", "ana", "lucia", "sofia", "fatima", "aisha",
    "amina", "leila", "yasmin", "mei", "yuki", "hana", "ji-yeon", "soo-jin", "min-ji", "ingrid",
    "astrid", "greta", "claire", "sophie", "chloe", "camille", "julia", "eva", "ella", "zoe",
    "lucy", "kate", "jane", "anne", "louise", "rose", "ruth", "esther", "miriam", "naomi", "leah",
    "tamar", "noa", "amal", "rania", "salma", "nadia", "layla", "maya", "mia", "ava", "chelsea",
    "tina", "wendy", "paula", "monica", "veronica", "sylvia", "yvonne", "hilary", "kristen",
    "kirsten", "tracy", "stacey", "vanessa", "gina", "bonnie", "joanna", "erin", "molly", "holly",
    "caroline", "harriet", "eleanor", "penny", "pippa", "amy", "sonia", "indira", "sheikh hasina",
    "benazir", "aung", "tsai", "yingluck", "jenna",
    // Roles and relations that tell gender.
    "mrs", "mrs.", "ms", "ms.", "miss", "madam", "dame", "lady", "queen", "princess", "spokeswoman",
    "chairwoman", "congresswoman", "councilwoman", "businesswoman", "actress", "mother", "wife",
    "daughter", "sister", "grandmother", "widow", "granddaughter", "great-granddaughter", "she",
    "her", "herself", "woman", "girl", "aunt", "niece"};

constexpr const char* kMaleWords[] = {
    "james", "robert", "john", "michael", "david", "william", "richard", "joseph", "thomas",
    "charles", "christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul",
    "andrew", "joshua", "kenneth", "kevin", "brian", "george", "timothy", "ronald", "edward",
    "jason", "jeffrey", "ryan", "jacob", "gary", "nicholas", "eric", "jonathan", "stephen", "larry",
    "justin", "scott", "brandon", "benjamin", "samuel", "gregory", "alexander", "frank", "patrick",
    "raymond", "jack", "dennis", "jerry", "tyler", "aaron", "jose", "adam", "nathan", "henry",
    "douglas", "zachary", "peter", "kyle", "ethan", "walter", "noah", "jeremy", "christian",
    "keith", "roger", "terry", "gerald", "harold", "sean", "austin", "carl", "arthur", "lawrence",
    "dylan", "jesse", "jordan", "bryan", "billy", "joe", "bruce", "gabriel", "logan", "albert",
    "willie", "alan", "juan", "wayne", "elijah", "randy", "roy", "vincent", "ralph", "eugene",
    "russell", "bobby", "mason", "philip", "louis", "tom", "bill", "bob", "jim", "mike", "dave",
    "steve", "tony", "victor", "vladimir", "sergei", "sergey", "dmitry", "dmitri", "alexei",
    "alexey", "nikita", "mikhail", "ivan", "igor", "yuri", "boris", "oleg", "andrei", "andrey",
    "pavel", "viktor", "volodymyr", "olaf", "emmanuel", "xi", "joe", "barack", "rishi", "keir",
    "boris", "justin", "narendra", "recep", "benjamin", "antony", "jake", "lloyd", "siegfried",
    "robbie", "ramon", "kwame", "roberto", "otto", "mark", "jonathan", "amul", "jake", "ali",
    "mohammed", "muhammad", "ahmed", "omar", "hassan", "hussein", "khalid", "abdullah", "ibrahim",
    "yusuf", "mustafa", "carlos", "luis", "miguel", "pedro", "diego", "javier", "antonio",
    "francisco", "manuel", "giuseppe", "marco", "luca", "giovanni", "pierre", "jean-pierre",
    "jacques", "francois", "hans", "klaus", "jurgen", "wolfgang", "friedrich", "stefan", "lars",
    "erik", "sven", "hiroshi", "takashi", "kenji", "fumio", "shinzo", "moon", "yoon", "wei", "li",
    "ming", "chen", "raj", "rahul", "amit", "arjun", "sanjay", "jair", "lula", "nelson", "cyril",
    "jacob", "mohamed", "abiy", "paul", "ben", "sam", "max", "leo", "luke", "liam", "oliver",
    "harry", "charlie", "freddie", "alfie", "archie", "hugh", "ian", "neil", "gordon", "tony",
    "nigel", "graham", "colin", "simon", "martin", "tim", "phil", "rob", "chris", "matt", "nick",
    "dan", "andy", "greg", "ted", "ed",
    // Roles and relations that tell gender.
    "mr", "mr.", "sir", "lord", "king", "prince", "spokesman", "chairman", "congressman",
    "councilman", "businessman", "actor", "father", "husband", "son", "brother", "grandfather",
    "grandson", "he", "him", "himself", "man", "boy", "uncle", "nephew", "pope", "emperor"};

constexpr const char* kMediaNouns[] = {
    "programme", "program", "show",       "series",   "film",    "movie",   "documentary",
    "book",      "novel",   "song",       "album",    "video",   "podcast", "episode",
    "play",      "musical", "exhibition", "headline", "column",  "article", "report",
    "campaign",  "buttons", "button",     "banner",   "banners", "signs",   "sign",
    "t-shirts",  "shirts",  "hashtag",    "slogan",   "brand",   "app",     "game",
    "painting",  "poem",    "opera",      "memoir",   "essay"};

constexpr const char* kConnectors[] = {"of", "for", "de",  "van", "von", "der", "den", "bin",
                                       "al", "da",  "del", "du",  "la",  "le",  "dos", "das",
                                       "di", "ibn", "on",  "and", "&",   "the"};

constexpr const char* kSurnameParticles[] = {"de",  "van", "von", "der", "den", "bin",
                                             "al",  "da",  "del", "du",  "la",  "le",
                                             "dos", "das", "di",  "ibn", "st",  "st."};

constexpr const char* kPlaces[] = {"afghanistan",
                                   "albania",
                                   "algeria",
                                   "andorra",
                                   "angola",
                                   "argentina",
                                   "armenia",
                                   "australia",
                                   "austria",
                                   "azerbaijan",
                                   "bahamas",
                                   "bahrain",
                                   "bangladesh",
                                   "barbados",
                                   "belarus",
                                   "belgium",
                                   "belize",
                                   "benin",
                                   "bhutan",
                                   "bolivia",
                                   "bosnia",
                                   "botswana",
                                   "brazil",
                                   "brunei",
                                   "bulgaria",
                                   "burundi",
                                   "cambodia",
                                   "cameroon",
                                   "canada",
                                   "chad",
                                   "chile",
                                   "china",
                                   "colombia",
                                   "comoros",
                                   "congo",
                                   "croatia",
                                   "cuba",
                                   "cyprus",
                                   "czechia",
                                   "denmark",
                                   "djibouti",
                                   "dominica",
                                   "ecuador",
                                   "egypt",
                                   "eritrea",
                                   "estonia",
                                   "eswatini",
                                   "ethiopia",
                                   "fiji",
                                   "finland",
                                   "france",
                                   "gabon",
                                   "gambia",
                                   "georgia",
                                   "germany",
                                   "ghana",
                                   "greece",
                                   "grenada",
                                   "guatemala",
                                   "guinea",
                                   "guyana",
                                   "haiti",
                                   "honduras",
                                   "hungary",
                                   "iceland",
                                   "india",
                                   "indonesia",
                                   "iran",
                                   "iraq",
                                   "ireland",
                                   "israel",
                                   "italy",
                                   "jamaica",
                                   "japan",
                                   "jordan",
                                   "kazakhstan",
                                   "kenya",
                                   "kiribati",
                                   "kosovo",
                                   "kuwait",
                                   "kyrgyzstan",
                                   "laos",
                                   "latvia",
                                   "lebanon",
                                   "lesotho",
                                   "liberia",
                                   "libya",
                                   "liechtenstein",
                                   "lithuania",
                                   "luxembourg",
                                   "madagascar",
                                   "malawi",
                                   "malaysia",
                                   "maldives",
                                   "mali",
                                   "malta",
                                   "mauritania",
                                   "mauritius",
                                   "mexico",
                                   "micronesia",
                                   "moldova",
                                   "monaco",
                                   "mongolia",
                                   "montenegro",
                                   "morocco",
                                   "mozambique",
                                   "myanmar",
                                   "namibia",
                                   "nauru",
                                   "nepal",
                                   "netherlands",
                                   "nicaragua",
                                   "niger",
                                   "nigeria",
                                   "norway",
                                   "oman",
                                   "pakistan",
                                   "palau",
                                   "palestine",
                                   "panama",
                                   "paraguay",
                                   "peru",
                                   "philippines",
                                   "poland",
                                   "portugal",
                                   "qatar",
                                   "romania",
                                   "russia",
                                   "rwanda",
                                   "samoa",
                                   "senegal",
                                   "serbia",
                                   "seychelles",
                                   "singapore",
                                   "slovakia",
                                   "slovenia",
                                   "somalia",
                                   "spain",
                                   "sudan",
                                   "suriname",
                                   "sweden",
                                   "switzerland",
                                   "syria",
                                   "taiwan",
                                   "tajikistan",
                                   "tanzania",
                                   "thailand",
                                   "togo",
                                   "tonga",
                                   "tunisia",
                                   "turkey",
                                   "türkiye",
                                   "turkmenistan",
                                   "tuvalu",
                                   "uganda",
                                   "ukraine",
                                   "uruguay",
                                   "uzbekistan",
                                   "vanuatu",
                                   "venezuela",
                                   "vietnam",
                                   "yemen",
                                   "zambia",
                                   "zimbabwe",
                                   "europe",
                                   "asia",
                                   "africa",
                                   "america",
                                   "americas",
                                   "oceania",
                                   "antarctica",
                                   "arctic",
                                   "crimea",
                                   "gaza",
                                   "donbas",
                                   "siberia",
                                   "scotland",
                                   "wales",
                                   "england",
                                   "britain",
                                   "korea",
                                   "us",
                                   "usa",
                                   "uk",
                                   "u.s.",
                                   "u.k.",
                                   "eu",
                                   "washington",
                                   "moscow",
                                   "beijing",
                                   "pyongyang",
                                   "seoul",
                                   "tokyo",
                                   "kyiv",
                                   "kiev",
                                   "london",
                                   "paris",
                                   "berlin",
                                   "rome",
                                   "madrid",
                                   "brussels",
                                   "vienna",
                                   "warsaw",
                                   "prague",
                                   "budapest",
                                   "athens",
                                   "ankara",
                                   "istanbul",
                                   "tehran",
                                   "baghdad",
                                   "damascus",
                                   "beirut",
                                   "jerusalem",
                                   "cairo",
                                   "riyadh",
                                   "dubai",
                                   "doha",
                                   "delhi",
                                   "mumbai",
                                   "karachi",
                                   "islamabad",
                                   "kabul",
                                   "dhaka",
                                   "bangkok",
                                   "hanoi",
                                   "manila",
                                   "jakarta",
                                   "singapore",
                                   "sydney",
                                   "melbourne",
                                   "canberra",
                                   "ottawa",
                                   "toronto",
                                   "montreal",
                                   "vancouver",
                                   "chicago",
                                   "boston",
                                   "houston",
                                   "dallas",
                                   "miami",
                                   "atlanta",
                                   "seattle",
                                   "denver",
                                   "phoenix",
                                   "philadelphia",
                                   "detroit",
                                   "nashville",
                                   "memphis",
                                   "portland",
                                   "brooklyn",
                                   "manhattan",
                                   "hollywood",
                                   "california",
                                   "texas",
                                   "florida",
                                   "ohio",
                                   "michigan",
                                   "alabama",
                                   "alaska",
                                   "arizona",
                                   "arkansas",
                                   "colorado",
                                   "connecticut",
                                   "delaware",
                                   "hawaii",
                                   "idaho",
                                   "illinois",
                                   "indiana",
                                   "iowa",
                                   "kansas",
                                   "kentucky",
                                   "louisiana",
                                   "maine",
                                   "maryland",
                                   "massachusetts",
                                   "minnesota",
                                   "mississippi",
                                   "missouri",
                                   "montana",
                                   "nebraska",
                                   "nevada",
                                   "oklahoma",
                                   "oregon",
                                   "pennsylvania",
                                   "tennessee",
                                   "utah",
                                   "vermont",
                                   "virginia",
                                   "wisconsin",
                                   "wyoming",
                                   "shanghai",
                                   "hong",
                                   "taipei",
                                   "vladivostok",
                                   "khabarovsk",
                                   "lagos",
                                   "nairobi",
                                   "johannesburg",
                                   "accra",
                                   "addis",
                                   "khartoum",
                                   "tripoli",
                                   "tunis",
                                   "algiers",
                                   "rabat",
                                   "lisbon",
                                   "dublin",
                                   "edinburgh",
                                   "manchester",
                                   "liverpool",
                                   "birmingham",
                                   "glasgow",
                                   "amsterdam",
                                   "stockholm",
                                   "oslo",
                                   "copenhagen",
                                   "helsinki",
                                   "munich",
                                   "hamburg",
                                   "frankfurt",
                                   "milan",
                                   "naples",
                                   "barcelona",
                                   "zurich",
                                   "geneva",
                                   "minsk",
                                   "tbilisi",
                                   "baku",
                                   "yerevan",
                                   "odesa",
                                   "odessa",
                                   "kharkiv",
                                   "mariupol",
                                   "bakhmut",
                                   "donetsk",
                                   "luhansk",
                                   "lviv",
                                   "brighton",
                                   "lewiston",
                                   "bangor",
                                   "westminster",
                                   "tsiolkovsky",
                                   "blagoveshchensk",
                                   "khasan",
                                   "komsomolsk-on-amur",
                                   "amur",
                                   "seoul",
                                   "busan",
                                   "osaka",
                                   "kyoto",
                                   "guangzhou",
                                   "shenzhen",
                                   "wuhan",
                                   "chongqing",
                                   "sao",
                                   "rio",
                                   "lima",
                                   "bogota",
                                   "caracas",
                                   "havana",
                                   "santiago",
                                   "quito",
                                   "mexico",
                                   "tijuana",
                                   "anchorage",
                                   "honolulu",
                                   "gotham",
                                   "taiwan",
                                   "tibet",
                                   "xinjiang",
                                   "kashmir",
                                   "punjab",
                                   "bengal",
                                   "kerala",
                                   "sahara",
                                   "sahel",
                                   "balkans",
                                   "caucasus",
                                   "baltic",
                                   "pacific",
                                   "atlantic",
                                   "mediterranean"};

constexpr const char* kMultiWordPlaces[] = {"north korea",
                                            "south korea",
                                            "united states",
                                            "united kingdom",
                                            "new york",
                                            "new york city",
                                            "los angeles",
                                            "san francisco",
                                            "new zealand",
                                            "south africa",
                                            "saudi arabia",
                                            "sri lanka",
                                            "hong kong",
                                            "united arab emirates",
                                            "czech republic",
                                            "dominican republic",
                                            "costa rica",
                                            "el salvador",
                                            "puerto rico",
                                            "new jersey",
                                            "new mexico",
                                            "new hampshire",
                                            "north carolina",
                                            "south carolina",
                                            "north dakota",
                                            "south dakota",
                                            "west virginia",
                                            "rhode island",
                                            "washington dc",
                                            "washington d c",
                                            "the hague",
                                            "tel aviv",
                                            "west bank",
                                            "gaza strip",
                                            "middle east",
                                            "far east",
                                            "latin america",
                                            "north america",
                                            "south america",
                                            "east asia",
                                            "southeast asia",
                                            "central asia",
                                            "south asia",
                                            "western europe",
                                            "eastern europe",
                                            "ivory coast",
                                            "sierra leone",
                                            "burkina faso",
                                            "papua new guinea",
                                            "east timor",
                                            "bosnia and herzegovina",
                                            "north macedonia",
                                            "soviet union",
                                            "korean peninsula",
                                            "amur region",
                                            "amur oblast",
                                            "russian far east",
                                            "las vegas",
                                            "san diego",
                                            "st petersburg",
                                            "saint petersburg",
                                            "abu dhabi",
                                            "kuala lumpur",
                                            "ho chi minh city",
                                            "buenos aires",
                                            "sao paulo",
                                            "rio de janeiro",
                                            "mexico city",
                                            "cape town",
                                            "addis ababa",
                                            "new delhi",
                                            "great britain",
                                            "northern ireland",
                                            "the philippines",
                                            "the netherlands",
                                            "vatican city"};

constexpr const char* kDemonyms[] = {
    "russian",     "korean",     "american",   "chinese",   "japanese",   "ukrainian",
    "british",     "french",     "german",     "italian",   "spanish",    "canadian",
    "mexican",     "indian",     "pakistani",  "iranian",   "iraqi",      "israeli",
    "palestinian", "syrian",     "turkish",    "saudi",     "egyptian",   "african",
    "european",    "asian",      "australian", "brazilian", "polish",     "dutch",
    "belgian",     "swiss",      "swedish",    "norwegian", "danish",     "finnish",
    "irish",       "scottish",   "welsh",      "english",   "greek",      "hungarian",
    "czech",       "austrian",   "portuguese", "argentine", "chilean",    "colombian",
    "venezuelan",  "cuban",      "nigerian",   "kenyan",    "ghanaian",   "ethiopian",
    "south",       "north",      "east",       "west",      "western",    "eastern",
    "northern",    "southern",   "soviet",     "taiwanese", "vietnamese", "thai",
    "filipino",    "indonesian", "malaysian",  "afghan",    "belarusian", "georgian",
    "armenian",    "kazakh",     "mongolian",  "lebanese",  "jordanian",  "emirati",
    "qatari",      "yemeni",     "libyan",     "tunisian",  "algerian",   "moroccan",
    "sudanese",    "somali",     "congolese",  "rwandan",   "ugandan",    "tanzanian",
    "zimbabwean",  "zambian",    "u.s.",       "u.k.",      "eu",         "un",
    "u.n.",        "state",      "federal",    "national",  "regional",   "local",
    "foreign",     "former",     "deputy",     "acting",    "interim",    "top",
    "senior",      "chief",      "new"};

constexpr const char* kUnits[] = {
    "hours",     "hour",      "minutes",   "minute",      "seconds",    "second",     "days",
    "day",       "weeks",     "week",      "months",      "month",      "years",      "year",
    "decades",   "decade",    "centuries", "century",     "kilometers", "kilometres", "kilometer",
    "kilometre", "km",        "miles",     "mile",        "meters",     "metres",     "meter",
    "metre",     "feet",      "foot",      "inches",      "tons",       "tonnes",     "ton",
    "tonne",     "kilograms", "kg",        "pounds",      "percent",    "per",        "%",
    "dollars",   "euros",     "yuan",      "rubles",      "roubles",    "won",        "yen",
    "people",    "deaths",    "votes",     "seats",       "points",     "goals",      "games",
    "times",     "countries", "members",   "resolutions", "soldiers",   "troops",     "missiles",
    "shells",    "rounds",    "cases",     "homes",       "jobs",       "workers",    "residents",
    "pages",     "spaces",    "states",    "launches",    "leaders",    "parties",    "sanctions",
    "nations",   "cities",    "villages",  "acres",       "hectares",   "barrels",    "gallons",
    "liters",    "litres",    "degrees",   "caps",        "matches",    "seasons",    "children",
    "students",  "patients",  "votes",     "ballots",     "delegates",  "officials",  "stations",
    "railcars",  "tranches",  "hundred",   "thousand",    "million",    "billion",    "trillion"};

constexpr const char* kStarters[] = {
    "the",   "a",      "an",   "he",    "she",  "it",    "they",      "we",        "i",
    "but",   "and",    "in",   "on",    "at",   "this",  "that",      "these",     "those",
    "there", "his",    "her",  "their", "its",  "our",   "as",        "when",      "while",
    "after", "before", "if",   "so",    "yet",  "still", "officials", "meanwhile", "however",
    "for",   "with",   "some", "many",  "most", "no",    "both",      "one",       "two"};

constexpr const char* kTimeWords[] = {
    "edt",   "est",       "cdt",       "cst",     "mdt",   "mst",     "pdt",
    "pst",   "gmt",       "utc",       "bst",     "cet",   "cest",    "et",
    "pt",    "kst",       "jst",       "am",      "pm",    "a.m.",    "p.m.",
    "today", "yesterday", "tomorrow",  "tonight", "week",  "weekend", "month",
    "year",  "morning",   "afternoon", "evening", "night", "decade",  "century"};

class Lexicon {
 public:
  Lexicon() {
    for (const char* w : kSpeechLemmas) add_verb(w, kSpeech);
    for (const char* w : kCognitionLemmas) add_verb(w, kCognition);
    for (const char* w : kInvertibleLemmas) add_verb(w, kInvertible);
    for (const char* w : kNamingLemmas) add_verb(w, kNaming | kSpeech);
    add_list(kDubCues, kDubCue);
    add_list(kRoles, kRole);
    add_list(kHonorifics, kHonorific);
    add_list(kOrgHeads, kOrgHead);
    add_list(kFunctionWords, kFunction);
    add_list(kPronouns, kPronoun);
    add_list(kMonths, kMonth);
    add_list(kWeekdays, kWeekday);
    add_list(kNumberWords, kNumberWord);
    add_list(kAbbreviations, kAbbrev);
    add_list(kSkipWords, kSkip);
    add_list(kBoundaryWords, kBoundary);
    add_list(kDeterminers, kDeterminer);
    add_list(kGroupNouns, kGroupNoun | kPlural);
    add_list(kFemaleWords, kFemale);
    add_list(kMaleWords, kMale);
    add_list(kMediaNouns, kMediaNoun);
    add_list(kConnectors, kConnector);
    add_list(kSurnameParticles, kSurnameParticle);
    add_list(kPlaces, kPlace);
    add_list(kDemonyms, kDemonym);
    add_list(kUnits, kUnit);
    add_list(kStarters, kStarter);
    add_list(kTimeWords, kTimeWord);
    for (const char* w : {"they", "them", "both", "authors", "pair", "duo", "two", "trio"}) {
      flags_[w] |= kPlural;
    }
    // Given names: the gender lists minus the role and pronoun words at their ends.
    for (const char* w : kFemaleWords) mark_given(w);
    for (const char* w : kMaleWords) mark_given(w);
    flags_["according"] |= kSpeech | kParticiple;
    for (const char* w : kMultiWordPlaces) places_.insert(w);
    freeze();
  }

  // Lookups go to a flat open-addressing table built once from flags_: one probe sequence over
  // contiguous memory per token, which matters at tens of megabytes of text.
  std::uint64_t find(std::string_view w) const {
    if (w.size() > kMaxWord) return 0;
    const std::uint64_t h = hash(w);
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.length == 0) return 0;
      if (slot.hash == h && slot.length == w.size() &&
          arena_.compare(slot.offset, slot.length, w) == 0) {
        return slot.flags;
      }
    }
  }

  static constexpr std::size_t kMaxWord = 40;

  static std::uint64_t hash(std::string_view s) {
    std::uint64_t h = 1469598103934665603ull;  // FNV-1a: words are short
    for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return h ^ (h >> 29);
  }

  bool place(std::string_view key) const { return places_.count(std::string(key)) > 0; }

 private:
  template <std::size_t N>
  void add_list(const char* const (&list)[N], std::uint64_t flag) {
    for (const char* w : list) flags_[w] |= flag;
  }

  void mark_given(const char* w) {
    const std::uint64_t f = flags_[w];
    if (f & (kRole | kHonorific | kPronoun)) return;
    static const std::unordered_set<std::string> relation = {
        "woman",    "girl",    "aunt",    "niece",   "man", "boy",    "uncle",
        "nephew",   "herself", "himself", "her",     "him", "mother", "wife",
        "daughter", "sister",  "father",  "husband", "son", "brother"};
    if (relation.count(w)) return;
    flags_[w] |= kGivenName;
  }

  void add_form(const std::string& form, std::uint64_t flag) { flags_[form] |= flag; }

  void add_verb(const char* lemma_c, std::uint64_t flag) {
    const std::string lemma = lemma_c;
    for (const auto& irr : kIrregular) {
      if (lemma == irr.lemma) {
        add_form(lemma, flag);
        for (const char* f : irr.forms) {
          const std::string form = f;
          const bool ing = form.size() > 3 && form.compare(form.size() - 3, 3, "ing") == 0;
          add_form(form, flag | (ing ? std::uint64_t{kParticiple} : std::uint64_t{0}));
        }
        return;
      }
    }
    add_form(lemma, flag);
    const char last = lemma.back();
    const char before = lemma.size() > 1 ? lemma[lemma.size() - 2] : 'a';
    const bool vowel_before = std::string_view("aeiou").find(before) != std::string_view::npos;
    bool doubles = false;
    for (const char* d : kDoubling) doubles |= lemma == d;
    if (last == 'e') {
      add_form(lemma + "s", flag);
      add_form(lemma + "d", flag);
      add_form(lemma.substr(0, lemma.size() - 1) + "ing", flag | kParticiple);
    } else if (last == 'y' && !vowel_before) {
      const std::string stem = lemma.substr(0, lemma.size() - 1);
      add_form(stem + "ies", flag);
      add_form(stem + "ied", flag);
      add_form(lemma + "ing", flag | kParticiple);
    } else {
      const bool sibilant = last == 's' || last == 'x' || last == 'z' || last == 'h';
      add_form(lemma + (sibilant ? "es" : "s"), flag);
      const std::string past_stem = doubles ? lemma + last : lemma;
      add_form(past_stem + "ed", flag);
      add_form(past_stem + "ing", flag | kParticiple);
    }
  }

  void freeze() {
    std::size_t capacity = 1;
    while (capacity < flags_.size() * 4) capacity <<= 1;
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    for (const auto& [word, flags] : flags_) {
      if (word.empty() || word.size() > kMaxWord) continue;
      const std::uint64_t h = hash(word);
      std::size_t i = h & mask_;
      while (slots_[i].length != 0) i = (i + 1) & mask_;
      slots_[i] = Slot{h, static_cast<std::uint32_t>(arena_.size()),
                       static_cast<std::uint32_t>(word.size()), flags};
      arena_ += word;
    }
  }

  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t offset = 0;
    std::uint32_t length = 0;  // 0: empty
    std::uint64_t flags = 0;
  };
  std::unordered_map<std::string, std::uint64_t> flags_;
  std::vector<Slot> slots_;
  std::string arena_;
  std::size_t mask_ = 0;
  std::unordered_set<std::string> places_;
};

const Lexicon& lexicon() {
  static const Lexicon instance;
  return instance;
}

}  // namespace

std::string_view fold_word(std::string_view w, std::string& buffer) {
  buffer.clear();
  for (std::size_t i = 0; i < w.size(); ++i) {
    const auto c = static_cast<unsigned char>(w[i]);
    if (c == 0xE2 && i + 2 < w.size() && static_cast<unsigned char>(w[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(w[i + 2]) == 0x99 ||
         static_cast<unsigned char>(w[i + 2]) == 0x98)) {
      buffer += '\'';
      i += 2;
    } else if (c >= 'A' && c <= 'Z') {
      buffer += static_cast<char>(c + 32);
    } else {
      buffer += static_cast<char>(c);
    }
  }
  return buffer;
}

std::uint64_t word_flags(std::string_view w) {
  if (w.size() > Lexicon::kMaxWord + 8) return 0;
  // Fold case (and ’ to ') into a small buffer on the stack.
  char buffer[Lexicon::kMaxWord + 8];
  std::size_t n = 0;
  bool ascii = true;
  for (std::size_t i = 0; i < w.size(); ++i) {
    const auto c = static_cast<unsigned char>(w[i]);
    if (c == 0xE2 && i + 2 < w.size() && static_cast<unsigned char>(w[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(w[i + 2]) == 0x99 ||
         static_cast<unsigned char>(w[i + 2]) == 0x98)) {
      buffer[n++] = '\'';
      i += 2;
      continue;
    }
    ascii &= c < 0x80;
    buffer[n++] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  if (ascii) return lexicon().find(std::string_view(buffer, n));
  // Accents and look-alike letters ("Сosmodrome" with a Cyrillic Es) fold through name_key.
  return lexicon().find(name_key(std::string_view(buffer, n)));
}

bool is_place_name(std::string_view key) {
  return lexicon().place(key);
}

}  // namespace citecard::extract_detail
