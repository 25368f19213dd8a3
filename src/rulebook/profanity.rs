//! Profanity, obscenity and abuse. Whole words only, so "Scunthorpe", "analgesia",
//! "cocktail", "Dickens", "shiitake", "assessment" and "Penistone" never match; disguised
//! spellings are found by `text::obfuscation`. Clinical words (penis, anal, vagina, breast)
//! are not in these lists at all.

/// Strong words: medium severity.
pub const STRONG: &[&str] = &[
    "fuck", "fucks", "fucked", "fucker", "fuckers", "fucking", "fuckin", "fking", "fkn",
    "fcking", "fcuk", "fck", "fuk", "fukin", "fuking", "feck", "motherfucker",
    "motherfuckers", "mofo", "fuckwit", "fuckwits", "fuckface", "clusterfuck", "shit",
    "shits", "shitty", "shite", "shitting", "shitshow", "shithole", "shithead", "bullshit",
    "batshit", "horseshit", "apeshit", "cunt", "cunts", "cunting", "twat", "twats", "wanker",
    "wankers", "wank", "wanking", "bollocks", "arse", "arsehole", "arseholes", "asshole",
    "assholes", "ass", "asses", "dumbass", "jackass", "smartass", "bastard",
    "bastards", "bitch", "bitches", "bitching", "bitchy", "dickhead", "dickheads", "knobhead",
    "knobheads", "bellend", "bellends", "tosser", "tossers", "slag", "slags", "slut", "sluts",
    "whore", "whores", "minge", "jizz", "cocksucker", "blowjob", "blowjobs", "handjob",
    "porn", "porno", "pornhub", "dildo", "milf", "nudes", "send nudes", "horny", "threesome",
    "piss off", "pissed off", "piss-take", "piss take", "taking the piss", "pissing",
    "shag", "shagged", "shagging",
];

/// Mild words and acronyms: low severity.
pub const MILD: &[&str] = &[
    "wtf", "ffs", "stfu", "gtfo", "omfg", "fml", "piss", "pissed", "crap", "crappy",
    "bloody hell", "sod off", "bugger off", "arsed", "pissy",
];

/// Abuse aimed at someone: high severity.
pub const ABUSE: &[&str] = &[
    "kill yourself", "kill urself", "kys", "go die", "die in a fire", "hope you die",
    "hope you get cancer", "eat shit", "suck my", "fuck you", "fuck off", "f off",
    "screw you",
];

/// Words that are also names or everyday words: flagged only in lower case (or all caps)
/// and away from their innocent neighbours.
pub const CASED: &[&str] = &[
    "dick", "dicks", "cock", "cocks", "prick", "pricks", "knob", "fanny", "tits", "tit",
    "twat",
];

/// Neighbours that make a listed word innocent.
pub const ALLOW_NEAR: &[&str] = &[
    "needle", "needlestick", "pin", "heel", "finger", "skin", "sharps", "blue", "great",
    "coal", "long-tailed", "tailed", "bird", "birds", "birdwatching", "door", "volume",
    "gear", "pack", "fanny pack", "moby", "philip", "van dyke", "tracy", "cum laude",
    "summa", "magna", "carpet", "hair", "donkey", "kick-ass", "bad-ass", "weather",
    "chicken", "hen", "rooster", "butter", "test", "testing", "heap", "heaps", "cock-up", "cockup", "ballcock", "stopcock", "weathercock",
    "cock a doodle", "tit for tat", "tit-for-tat", "pig", "old", "dry",
];
