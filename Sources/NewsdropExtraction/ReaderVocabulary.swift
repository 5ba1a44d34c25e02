/// The vocabulary the event rules read — words for weapons, deaths, arrests, clashes, revenge,
/// a toll's measures — loaded from `words.tsv` and its overrides, so that a user extends a list
/// ("quadcopter" as an air weapon) without rebuilding. English function words ("in", "for", "it")
/// are grammar and stay in the code.
///
/// One property per list, named after it; each is a `ReaderWordSet` (folded words, tested by
/// length first). A final class of `let`s: immutable, so `Sendable` without a lock, and the reader
/// reaches a list through one reference instead of copying three dozen sets.
public final class ReaderVocabulary: Sendable {
    /// The lists, by their name in the `list` column of `words.tsv`.
    public enum List: String, Sendable, CaseIterable {
        case targetVerbs = "target-verbs"
        case witnessVerbs = "witness-verbs"
        case conflictNouns = "conflict-nouns"
        case causeVerbs = "cause-verbs"
        case groundWeapons = "ground-weapons"
        case nameIntroducers = "name-introducers"
        case topicVerbs = "topic-verbs"
        case streetNouns = "street-nouns"
        case includeVerbs = "include-verbs"
        case responseNouns = "response-nouns"
        case allegianceWords = "allegiance-words"
        case unidentifiedDoers = "unidentified-doers"
        case aircraft
        case areaNouns = "area-nouns"
        case alignmentNouns = "alignment-nouns"
        case haltVerbs = "halt-verbs"
        case raidNouns = "raid-nouns"
        case victimVerbs = "victim-verbs"
        case arrestWords = "arrest-words"
        case speechGerunds = "speech-gerunds"
        case retaliateVerbs = "retaliate-verbs"
        case reciprocalNouns = "reciprocal-nouns"
        case countWords = "count-words"
        case airWeapons = "air-weapons"
        case longPeriods = "long-periods"
        case groupHeadNouns = "group-head-nouns"
        case ledWords = "led-words"
        case nonReferring = "non-referring"
        case victimNouns = "victim-nouns"
        case adminNouns = "admin-nouns"
        case tollRiseVerbs = "toll-rise-verbs"
        case tollRaisingVerbs = "toll-raising-verbs"
        case woundWords = "wound-words"
        case groupNouns = "group-nouns"
        case deathWords = "death-words"
        case unitWords = "unit-words"
        case supporterVerbs = "supporter-verbs"
        case topicPlaceVerbs = "topic-place-verbs"
        case superlatives
    }

    /// Verbs of aiming after which a place is the target's: "targeting a base in Erbil".
    let targetVerbs: ReaderWordSet
    /// Verbs before "the"/"this" + event noun that report or judge an event rather than tell a new one ("confirmed the attack").
    let witnessVerbs: ReaderWordSet
    /// Long-running situations that a verbal trigger's subject can be, making it no event ("the war killed").
    let conflictNouns: ReaderWordSet
    /// Words before an infinitive trigger that make it a consequence or a task, not an event ("prompting them to withdraw", "a committee to investigate").
    let causeVerbs: ReaderWordSet
    /// Planted or fired munitions that can be a strike's subject ("a bomb killed", "mortar shells hit").
    let groundWeapons: ReaderWordSet
    /// Words that introduce a codename, which is no actor ("an operation dubbed True Promise").
    let nameIntroducers: ReaderWordSet
    /// Verbs whose object event is only a topic ("discussed the withdrawal").
    let topicVerbs: ReaderWordSet
    /// Street nouns: in "Beirut's Hamra Street" a possessive place still names the place.
    let streetNouns: ReaderWordSet
    /// Verbs before a gerund strike that make it part of a list, not an event ("operations included striking").
    let includeVerbs: ReaderWordSet
    /// "in response/retaliation for": what follows is an earlier event (its place and toll are not this one's).
    let responseNouns: ReaderWordSet
    /// "militias loyal to Iran": the actor after these is the sponsor, not the doer.
    let allegianceWords: ReaderWordSet
    /// Subjects that say the doer is unknown: "gunmen opened fire", "unidentified assailants attacked".
    let unidentifiedDoers: ReaderWordSet
    /// Aircraft that carry out a strike: "Israeli drones struck".
    let aircraft: ReaderWordSet
    /// "the area", "the province": refer back to the area named before.
    let areaNouns: ReaderWordSet
    /// "in solidarity with Gaza": the actor after these is no target.
    let alignmentNouns: ReaderWordSet
    /// Verbs that stop or prevent the event they govern, making it none ("to halt the strikes").
    let haltVerbs: ReaderWordSet
    /// Raids: an attack, or the air strike told before when they follow one.
    let raidNouns: ReaderWordSet
    /// "killed in a strike": the strike the victims were killed in is the event the sentence tells.
    let victimVerbs: ReaderWordSet
    /// Raids that make these are police operations, not attacks.
    let arrestWords: ReaderWordSet
    /// Gerunds that open what a speaker went on to say: "…, stressing that", "…, saying".
    let speechGerunds: ReaderWordSet
    /// Verbs of revenge: a killing word after them (or after a response noun) is the earlier event's, not this one's toll.
    let retaliateVerbs: ReaderWordSet
    /// Fights that two sides wage on each other ("clashes with", "battles between").
    let reciprocalNouns: ReaderWordSet
    /// Words that count people: "more than a million", "dozens", "hundreds".
    let countWords: ReaderWordSet
    /// Missiles and aircraft that can be a strike's subject ("a drone hit").
    let airWeapons: ReaderWordSet
    /// "a 40-year campaign", "decades-long": periods no single event lasts.
    let longPeriods: ReaderWordSet
    /// Head nouns of an organisation's name: "Iraq's Islamic Resistance" is a group, not the state.
    let groupHeadNouns: ReaderWordSet
    /// "a coalition led by X": X is the doer.
    let ledWords: ReaderWordSet
    /// Words before an event noun that say no particular event is meant ("any attack", "future strikes").
    let nonReferring: ReaderWordSet
    /// Words before a past participle that make it passive: "those killed", "people killed".
    let victimNouns: ReaderWordSet
    /// Nouns of a first-level division: "Idlib province" is the province, not the city.
    let adminNouns: ReaderWordSet
    /// "the death toll rose to 12": raise the last event's toll.
    let tollRiseVerbs: ReaderWordSet
    /// "bringing the death toll to 12": raise the last event's toll.
    let tollRaisingVerbs: ReaderWordSet
    /// Wounded, not killed: a number before these is no toll.
    let woundWords: ReaderWordSet
    /// "a number of", "a dozen": not one.
    let groupNouns: ReaderWordSet
    /// Words that, after a killing word, also mark a toll ("dead", "died", "death toll").
    let deathWords: ReaderWordSet
    /// A number followed by these is a measure, not a toll ("40 km", "10 years").
    let unitWords: ReaderWordSet
    /// Participles before "by" that name a supporter, not the doer: "strikes, supported by Australia".
    let supporterVerbs: ReaderWordSet
    /// "held talks that dealt with the situation in Gaza": places after these are what a meeting was about.
    let topicPlaceVerbs: ReaderWordSet
    /// "the deadliest raid since January": an event noun under one of these ranks an event told before.
    let superlatives: ReaderWordSet

    /// The words of each list; every list must have at least one.
    ///
    /// - Throws: `DictionaryError` naming `file` when a list has no words.
    init(words: [List: [String]], file: String) throws {
        func set(_ list: List) throws -> ReaderWordSet {
            guard let w = words[list], !w.isEmpty else {
                throw DictionaryError(file: file, line: nil, message: "the word list '\(list.rawValue)' has no words; add a row for it (the shipped words.tsv defines every list)")
            }
            return ReaderWordSet(w)
        }
        targetVerbs = try set(.targetVerbs)
        witnessVerbs = try set(.witnessVerbs)
        conflictNouns = try set(.conflictNouns)
        causeVerbs = try set(.causeVerbs)
        groundWeapons = try set(.groundWeapons)
        nameIntroducers = try set(.nameIntroducers)
        topicVerbs = try set(.topicVerbs)
        streetNouns = try set(.streetNouns)
        includeVerbs = try set(.includeVerbs)
        responseNouns = try set(.responseNouns)
        allegianceWords = try set(.allegianceWords)
        unidentifiedDoers = try set(.unidentifiedDoers)
        aircraft = try set(.aircraft)
        areaNouns = try set(.areaNouns)
        alignmentNouns = try set(.alignmentNouns)
        haltVerbs = try set(.haltVerbs)
        raidNouns = try set(.raidNouns)
        victimVerbs = try set(.victimVerbs)
        arrestWords = try set(.arrestWords)
        speechGerunds = try set(.speechGerunds)
        retaliateVerbs = try set(.retaliateVerbs)
        reciprocalNouns = try set(.reciprocalNouns)
        countWords = try set(.countWords)
        airWeapons = try set(.airWeapons)
        longPeriods = try set(.longPeriods)
        groupHeadNouns = try set(.groupHeadNouns)
        ledWords = try set(.ledWords)
        nonReferring = try set(.nonReferring)
        victimNouns = try set(.victimNouns)
        adminNouns = try set(.adminNouns)
        tollRiseVerbs = try set(.tollRiseVerbs)
        tollRaisingVerbs = try set(.tollRaisingVerbs)
        woundWords = try set(.woundWords)
        groupNouns = try set(.groupNouns)
        deathWords = try set(.deathWords)
        unitWords = try set(.unitWords)
        supporterVerbs = try set(.supporterVerbs)
        topicPlaceVerbs = try set(.topicPlaceVerbs)
        superlatives = try set(.superlatives)
    }
}
