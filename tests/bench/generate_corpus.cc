// Deterministic generator of a synthetic corpus of Norwegian (Bokmål) focus-group
// transcripts, for benchmarks of import, indexing and search.
//
//   tema_generate_corpus OUT_DIR [--files N] [--seed S] [--size BYTES]
//
// Writes OUT_DIR/fg-0001.txt ... (UTF-8, LF). The same arguments give byte-identical
// files on every machine: the only source of randomness is the splitmix64 generator
// below, mapped to ranges with integer arithmetic only (no <random> distributions, no
// floating point, no hashing of pointers, no unordered containers).
//
// The text is nonsense at the level of meaning but plausible at the level of words:
// grammatical Bokmål clauses (V2 word order, subordinate clauses, adjective agreement,
// inflected nouns and verbs) drawn from a domain vocabulary (work, mental health, NAV,
// IPS), with Zipf-like word frequencies (rank r drawn with weight 1/r within each word
// class; function words come from the templates and are the most frequent of all).

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace {

// ----------------------------------------------------------------------------------------
// Randomness

// splitmix64 (Steele, Lea, Flood 2014): tiny, fast, and fully specified.
constexpr std::uint64_t mix64(std::uint64_t z) {
    z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31U);
}

class Rng {
  public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}

    std::uint64_t next() {
        state_ += 0x9E3779B97F4A7C15ULL;
        return mix64(state_);
    }
    // Uniform in [0, n) for n > 0: multiply-shift of the top 32 bits. Integer only, so the
    // result is the same with every compiler and standard library.
    std::uint32_t below(std::uint32_t n) {
        return static_cast<std::uint32_t>(((next() >> 32U) * n) >> 32U);
    }
    std::size_t index(std::size_t n) { return below(static_cast<std::uint32_t>(n)); }
    // Uniform in [lo, hi].
    std::uint32_t between(std::uint32_t lo, std::uint32_t hi) { return lo + below(hi - lo + 1); }
    // True with probability p/100.
    bool percent(std::uint32_t p) { return below(100) < p; }

    template <class T, std::size_t N>
    const T& pick(const std::array<T, N>& items) {
        return items[index(N)];
    }

  private:
    std::uint64_t state_;
};

// Draws indices 0..n-1 with weight proportional to 1/(rank+1) (Zipf, s = 1), optionally
// multiplied for a few boosted indices. Weights are integers, so draws are exact.
class Zipf {
  public:
    explicit Zipf(std::size_t n, const std::vector<std::size_t>& boosted = {},
                  std::uint32_t boost = 1) {
        cumulative_.reserve(n);
        std::uint32_t total = 0;
        for (std::size_t i = 0; i < n; ++i) {
            auto weight = static_cast<std::uint32_t>(kScale / (i + 1));
            if (std::find(boosted.begin(), boosted.end(), i) != boosted.end()) {
                weight *= boost;
            }
            total += weight;
            cumulative_.push_back(total);
        }
    }

    std::size_t draw(Rng& rng) const {
        const std::uint32_t r = rng.below(cumulative_.back());
        const auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), r);
        return static_cast<std::size_t>(it - cumulative_.begin());
    }

  private:
    static constexpr std::size_t kScale = 1'000'000;
    std::vector<std::uint32_t> cumulative_;
};

// clang-format off
// ----------------------------------------------------------------------------------------
// Vocabulary. Within each table the order is the frequency rank: earlier is commoner.

enum class Gender : std::uint8_t { masculine, feminine, neuter };

struct Noun {
    std::string_view sg;      // jobbspesialist
    std::string_view sg_def;  // jobbspesialisten
    std::string_view pl;      // jobbspesialister
    std::string_view pl_def;  // jobbspesialistene
    Gender gender;
};

constexpr Gender kM = Gender::masculine;
constexpr Gender kF = Gender::feminine;
constexpr Gender kN = Gender::neuter;

constexpr auto kNouns = std::to_array<Noun>({
    {"jobb", "jobben", "jobber", "jobbene", kM},
    {"jobbspesialist", "jobbspesialisten", "jobbspesialister", "jobbspesialistene", kM},
    {"arbeidsgiver", "arbeidsgiveren", "arbeidsgivere", "arbeidsgiverne", kM},
    {"veileder", "veilederen", "veiledere", "veilederne", kM},
    {"ting", "tingen", "ting", "tingene", kM},
    {"møte", "møtet", "møter", "møtene", kN},
    {"lege", "legen", "leger", "legene", kM},
    {"arbeidsplass", "arbeidsplassen", "arbeidsplasser", "arbeidsplassene", kM},
    {"oppfølging", "oppfølgingen", "oppfølginger", "oppfølgingene", kM},
    {"samtale", "samtalen", "samtaler", "samtalene", kM},
    {"erfaring", "erfaringen", "erfaringer", "erfaringene", kM},
    {"kollega", "kollegaen", "kollegaer", "kollegaene", kM},
    {"uke", "uka", "uker", "ukene", kF},
    {"fastlege", "fastlegen", "fastleger", "fastlegene", kM},
    {"tiltak", "tiltaket", "tiltak", "tiltakene", kN},
    {"stilling", "stillingen", "stillinger", "stillingene", kM},
    {"behandler", "behandleren", "behandlere", "behandlerne", kM},
    {"søknad", "søknaden", "søknader", "søknadene", kM},
    {"sjef", "sjefen", "sjefer", "sjefene", kM},
    {"intervju", "intervjuet", "intervjuer", "intervjuene", kN},
    {"psykolog", "psykologen", "psykologer", "psykologene", kM},
    {"utfordring", "utfordringen", "utfordringer", "utfordringene", kM},
    {"dag", "dagen", "dager", "dagene", kM},
    {"måte", "måten", "måter", "måtene", kM},
    {"hverdag", "hverdagen", "hverdager", "hverdagene", kM},
    {"praksisplass", "praksisplassen", "praksisplasser", "praksisplassene", kM},
    {"leder", "lederen", "ledere", "lederne", kM},
    {"sykmelding", "sykmeldingen", "sykmeldinger", "sykmeldingene", kM},
    {"forventning", "forventningen", "forventninger", "forventningene", kM},
    {"saksbehandler", "saksbehandleren", "saksbehandlere", "saksbehandlerne", kM},
    {"år", "året", "år", "årene", kN},
    {"tilrettelegging", "tilretteleggingen", "tilrettelegginger", "tilretteleggingene", kM},
    {"diagnose", "diagnosen", "diagnoser", "diagnosene", kM},
    {"arbeidsoppgave", "arbeidsoppgaven", "arbeidsoppgaver", "arbeidsoppgavene", kM},
    {"gang", "gangen", "ganger", "gangene", kM},
    {"plan", "planen", "planer", "planene", kM},
    {"person", "personen", "personer", "personene", kM},
    {"måned", "måneden", "måneder", "månedene", kM},
    {"mulighet", "muligheten", "muligheter", "mulighetene", kM},
    {"kontor", "kontoret", "kontorer", "kontorene", kN},
    {"mål", "målet", "mål", "målene", kN},
    {"rutine", "rutinen", "rutiner", "rutinene", kM},
    {"tjeneste", "tjenesten", "tjenester", "tjenestene", kM},
    {"team", "teamet", "team", "teamene", kN},
    {"problem", "problemet", "problemer", "problemene", kN},
    {"arbeidstrening", "arbeidstreningen", "arbeidstreninger", "arbeidstreningene", kM},
    {"følelse", "følelsen", "følelser", "følelsene", kM},
    {"rådgiver", "rådgiveren", "rådgivere", "rådgiverne", kM},
    {"time", "timen", "timer", "timene", kM},
    {"skjema", "skjemaet", "skjemaer", "skjemaene", kN},
    {"menneske", "mennesket", "mennesker", "menneskene", kN},
    {"spørsmål", "spørsmålet", "spørsmål", "spørsmålene", kN},
    {"deltaker", "deltakeren", "deltakere", "deltakerne", kM},
    {"kurs", "kurset", "kurs", "kursene", kN},
    {"prosess", "prosessen", "prosesser", "prosessene", kM},
    {"ansettelse", "ansettelsen", "ansettelser", "ansettelsene", kM},
    {"medisin", "medisinen", "medisiner", "medisinene", kM},
    {"familie", "familien", "familier", "familiene", kM},
    {"kommune", "kommunen", "kommuner", "kommunene", kM},
    {"brev", "brevet", "brev", "brevene", kN},
    {"system", "systemet", "systemer", "systemene", kN},
    {"styrke", "styrken", "styrker", "styrkene", kM},
    {"begrensning", "begrensningen", "begrensninger", "begrensningene", kM},
    {"ønske", "ønsket", "ønsker", "ønskene", kN},
    {"venn", "vennen", "venner", "vennene", kM},
    {"oppgave", "oppgaven", "oppgaver", "oppgavene", kM},
    {"tanke", "tanken", "tanker", "tankene", kM},
    {"kontrakt", "kontrakten", "kontrakter", "kontraktene", kM},
    {"pasient", "pasienten", "pasienter", "pasientene", kM},
    {"bruker", "brukeren", "brukere", "brukerne", kM},
    {"svar", "svaret", "svar", "svarene", kN},
    {"råd", "rådet", "råd", "rådene", kN},
    {"nettverk", "nettverket", "nettverk", "nettverkene", kN},
    {"samarbeid", "samarbeidet", "samarbeid", "samarbeidene", kN},
    {"forskjell", "forskjellen", "forskjeller", "forskjellene", kM},
    {"pause", "pausen", "pauser", "pausene", kM},
    {"vakt", "vakta", "vakter", "vaktene", kF},
    {"butikk", "butikken", "butikker", "butikkene", kM},
    {"lager", "lageret", "lagre", "lagrene", kN},
    {"kantine", "kantina", "kantiner", "kantinene", kF},
    {"barnehage", "barnehagen", "barnehager", "barnehagene", kM},
    {"sykehjem", "sykehjemmet", "sykehjem", "sykehjemmene", kN},
    {"ungdom", "ungdommen", "ungdommer", "ungdommene", kM},
    {"barn", "barnet", "barn", "barna", kN},
    {"sted", "stedet", "steder", "stedene", kN},
    {"bydel", "bydelen", "bydeler", "bydelene", kM},
    {"depresjon", "depresjonen", "depresjoner", "depresjonene", kM},
    {"ytelse", "ytelsen", "ytelser", "ytelsene", kM},
    {"lønnsslipp", "lønnsslippen", "lønnsslipper", "lønnsslippene", kM},
    {"jobbintervju", "jobbintervjuet", "jobbintervjuer", "jobbintervjuene", kN},
    {"arbeidsdag", "arbeidsdagen", "arbeidsdager", "arbeidsdagene", kM},
    {"fagforening", "fagforeningen", "fagforeninger", "fagforeningene", kM},
    {"nabo", "naboen", "naboer", "naboene", kM},
    {"søster", "søsteren", "søstre", "søstrene", kF},
    {"bror", "broren", "brødre", "brødrene", kM},
    {"bil", "bilen", "biler", "bilene", kM},
    {"buss", "bussen", "busser", "bussene", kM},
    {"telefon", "telefonen", "telefoner", "telefonene", kM},
    {"melding", "meldingen", "meldinger", "meldingene", kM},
    {"vedtak", "vedtaket", "vedtak", "vedtakene", kN},
    {"lønnstilskudd", "lønnstilskuddet", "lønnstilskudd", "lønnstilskuddene", kN},
    {"tillitsvalgt", "tillitsvalgte", "tillitsvalgte", "tillitsvalgte", kM},
    {"sykepleier", "sykepleieren", "sykepleiere", "sykepleierne", kM},
    {"psykiater", "psykiateren", "psykiatere", "psykiaterne", kM},
    {"miljøarbeider", "miljøarbeideren", "miljøarbeidere", "miljøarbeiderne", kM},
    {"treningssenter", "treningssenteret", "treningssentre", "treningssentrene", kN},
    {"hjemmeside", "hjemmesiden", "hjemmesider", "hjemmesidene", kM},
    {"skole", "skolen", "skoler", "skolene", kM},
    {"utdanning", "utdanningen", "utdanninger", "utdanningene", kM},
    {"fagbrev", "fagbrevet", "fagbrev", "fagbrevene", kN},
    {"turnus", "turnusen", "turnuser", "turnusene", kM},
    {"stol", "stolen", "stoler", "stolene", kM},
});

// Nouns without a natural plural; used bare ("jeg fikk hjelp", "med angst").
constexpr auto kMassNouns = std::to_array<std::string_view>({
    "hjelp", "støtte", "NAV", "IPS", "tid", "arbeid", "psykisk helse", "angst", "lønn",
    "informasjon", "motivasjon", "trygghet", "mestring", "tillit", "ansvar", "arbeidserfaring",
    "AAP", "arbeidsavklaringspenger", "uføretrygd", "rus", "søvn", "fleksibilitet", "kompetanse",
    "ordinært arbeid", "lønnet arbeid", "individuell jobbstøtte", "sosialhjelp", "DPS",
    "selvtillit", "oppmerksomhet", "forståelse", "struktur", "respekt", "åpenhet", "ærlighet", "ro",
    "energi", "smerte", "helse", "bemanning", "økonomi", "gjeld", "taushetsplikt", "veiledning",
    "opplæring", "ettervern", "rusbehandling", "arbeidsinkludering",
});

struct Adjective {
    std::string_view base;    // ærlig, trygg
    std::string_view plural;  // ærlige, trygge (also weak/definite form)
    std::string_view neuter;  // ærlig, trygt
};

constexpr auto kAdjectives = std::to_array<Adjective>({
    {"god", "gode", "godt"},
    {"vanskelig", "vanskelige", "vanskelig"},
    {"viktig", "viktige", "viktig"},
    {"fin", "fine", "fint"},
    {"grei", "greie", "greit"},
    {"trygg", "trygge", "trygt"},
    {"ærlig", "ærlige", "ærlig"},
    {"ny", "nye", "nytt"},
    {"tung", "tunge", "tungt"},
    {"lang", "lange", "langt"},
    {"redd", "redde", "redd"},
    {"tøff", "tøffe", "tøft"},
    {"dårlig", "dårlige", "dårlig"},
    {"vanlig", "vanlige", "vanlig"},
    {"stor", "store", "stort"},
    {"sliten", "slitne", "slitent"},
    {"nyttig", "nyttige", "nyttig"},
    {"usikker", "usikre", "usikkert"},
    {"tydelig", "tydelige", "tydelig"},
    {"fast", "faste", "fast"},
    {"krevende", "krevende", "krevende"},
    {"fleksibel", "fleksible", "fleksibelt"},
    {"glad", "glade", "glad"},
    {"psykisk", "psykiske", "psykisk"},
    {"positiv", "positive", "positivt"},
    {"åpen", "åpne", "åpent"},
    {"lett", "lette", "lett"},
    {"rolig", "rolige", "rolig"},
    {"nervøs", "nervøse", "nervøst"},
    {"motivert", "motiverte", "motivert"},
    {"syk", "syke", "sykt"},
    {"sykmeldt", "sykmeldte", "sykmeldt"},
    {"ordentlig", "ordentlige", "ordentlig"},
    {"kort", "korte", "kort"},
    {"gammel", "gamle", "gammelt"},
    {"frisk", "friske", "friskt"},
    {"stressende", "stressende", "stressende"},
    {"negativ", "negative", "negativt"},
    {"konkret", "konkrete", "konkret"},
    {"riktig", "riktige", "riktig"},
    {"forskjellig", "forskjellige", "forskjellig"},
    {"spesiell", "spesielle", "spesielt"},
    {"hjelpsom", "hjelpsomme", "hjelpsomt"},
    {"forståelsesfull", "forståelsesfulle", "forståelsesfullt"},
    {"støttende", "støttende", "støttende"},
    {"tilgjengelig", "tilgjengelige", "tilgjengelig"},
    {"sårbar", "sårbare", "sårbart"},
    {"overveldende", "overveldende", "overveldende"},
    {"mulig", "mulige", "mulig"},
    {"flau", "flaue", "flaut"},
    {"lei", "lei", "lei"},
    {"ufør", "uføre", "ufør"},
    {"ekte", "ekte", "ekte"},
    {"morsom", "morsomme", "morsomt"},
    {"skummel", "skumle", "skummelt"},
    {"ensom", "ensomme", "ensomt"},
    {"kjip", "kjipe", "kjipt"},
    {"meningsfull", "meningsfulle", "meningsfullt"},
    {"urettferdig", "urettferdige", "urettferdig"},
    {"byråkratisk", "byråkratiske", "byråkratisk"},
    {"utslitt", "utslitte", "utslitt"},
    {"takknemlig", "takknemlige", "takknemlig"},
    {"uforutsigbar", "uforutsigbare", "uforutsigbart"},
    {"deltidsansatt", "deltidsansatte", "deltidsansatt"},
});

struct Verb {
    std::string_view inf;       // støtte
    std::string_view pres;      // støtter
    std::string_view past;      // støttet
    std::string_view perf;      // støttet
    std::string_view particle;  // before the object ("stole på"), or after an intransitive verb
};

// Verbs with an object; `particle` is the preposition or particle before the object.
constexpr auto kTransitive = std::to_array<Verb>({
    {"få", "får", "fikk", "fått", ""},
    {"ha", "har", "hadde", "hatt", ""},
    {"snakke", "snakker", "snakket", "snakket", "med"},
    {"hjelpe", "hjelper", "hjalp", "hjulpet", ""},
    {"støtte", "støtter", "støttet", "støttet", ""},
    {"trenge", "trenger", "trengte", "trengt", ""},
    {"finne", "finner", "fant", "funnet", ""},
    {"søke", "søker", "søkte", "søkt", "på"},
    {"møte", "møter", "møtte", "møtt", ""},
    {"forstå", "forstår", "forsto", "forstått", ""},
    {"tenke", "tenker", "tenkte", "tenkt", "på"},
    {"stole", "stoler", "stolte", "stolt", "på"},
    {"jobbe", "jobber", "jobbet", "jobbet", "med"},
    {"ringe", "ringer", "ringte", "ringt", ""},
    {"fortelle", "forteller", "fortalte", "fortalt", "om"},
    {"klare", "klarer", "klarte", "klart", ""},
    {"prøve", "prøver", "prøvde", "prøvd", ""},
    {"vente", "venter", "ventet", "ventet", "på"},
    {"følge", "følger", "fulgte", "fulgt", "opp"},
    {"oppleve", "opplever", "opplevde", "opplevd", ""},
    {"ta", "tar", "tok", "tatt", ""},
    {"se", "ser", "så", "sett", ""},
    {"gi", "gir", "ga", "gitt", ""},
    {"bruke", "bruker", "brukte", "brukt", ""},
    {"prate", "prater", "pratet", "pratet", "med"},
    {"sende", "sender", "sendte", "sendt", ""},
    {"skrive", "skriver", "skrev", "skrevet", ""},
    {"savne", "savner", "savnet", "savnet", ""},
    {"mestre", "mestrer", "mestret", "mestret", ""},
    {"ønske", "ønsker", "ønsket", "ønsket", ""},
    {"kontakte", "kontakter", "kontaktet", "kontaktet", ""},
    {"like", "liker", "likte", "likt", ""},
    {"huske", "husker", "husket", "husket", ""},
    {"avklare", "avklarer", "avklarte", "avklart", ""},
    {"ansette", "ansetter", "ansatte", "ansatt", ""},
    {"lære", "lærer", "lærte", "lært", "om"},
    {"spørre", "spør", "spurte", "spurt", "om"},
    {"be", "ber", "ba", "bedt", "om"},
    {"samarbeide", "samarbeider", "samarbeidet", "samarbeidet", "med"},
    {"vurdere", "vurderer", "vurderte", "vurdert", ""},
    {"diskutere", "diskuterer", "diskuterte", "diskutert", ""},
    {"kjenne", "kjenner", "kjente", "kjent", ""},
    {"miste", "mister", "mistet", "mistet", ""},
    {"beholde", "beholder", "beholdt", "beholdt", ""},
    {"skaffe", "skaffer", "skaffet", "skaffet", ""},
    {"anbefale", "anbefaler", "anbefalte", "anbefalt", ""},
    {"tilby", "tilbyr", "tilbød", "tilbudt", ""},
    {"tilrettelegge", "tilrettelegger", "tilrettela", "tilrettelagt", "for"},
    {"motivere", "motiverer", "motiverte", "motivert", ""},
    {"presse", "presser", "presset", "presset", ""},
    {"mase", "maser", "maste", "mast", "om"},
    {"endre", "endrer", "endret", "endret", "på"},
    {"passe", "passer", "passet", "passet", "på"},
    {"si", "sier", "sa", "sagt", "fra til"},
    {"takke", "takker", "takket", "takket", "nei til"},
    {"betale", "betaler", "betalte", "betalt", "for"},
    {"glemme", "glemmer", "glemte", "glemt", ""},
});

// Verbs without an object; `particle` follows the verb ("gi opp", "komme i gang").
constexpr auto kIntransitive = std::to_array<Verb>({
    {"jobbe", "jobber", "jobbet", "jobbet", ""},
    {"slite", "sliter", "slet", "slitt", ""},
    {"fungere", "fungerer", "fungerte", "fungert", ""},
    {"komme", "kommer", "kom", "kommet", "i gang"},
    {"gi", "gir", "ga", "gitt", "opp"},
    {"trives", "trives", "trivdes", "trivdes", ""},
    {"ta", "tar", "tok", "tatt", "kontakt"},
    {"søke", "søker", "søkte", "søkt", "jobb"},
    {"begynne", "begynner", "begynte", "begynt", "å jobbe igjen"},
    {"bli", "blir", "ble", "blitt", "bedre"},
    {"slutte", "slutter", "sluttet", "sluttet", ""},
    {"vente", "venter", "ventet", "ventet", ""},
    {"holde", "holder", "holdt", "holdt", "ut"},
    {"ha", "har", "hadde", "hatt", "det tungt"},
    {"sove", "sover", "sov", "sovet", "dårlig"},
    {"gå", "går", "gikk", "gått", "ned i stilling"},
    {"falle", "faller", "falt", "falt", "ut"},
    {"møte", "møter", "møtte", "møtt", "opp"},
    {"melde", "melder", "meldte", "meldt", "fra"},
    {"lykkes", "lykkes", "lyktes", "lyktes", ""},
    {"henge", "henger", "hang", "hengt", "med"},
    {"dra", "drar", "dro", "dratt", "hjem"},
    {"stille", "stiller", "stilte", "stilt", "opp"},
    {"orke", "orker", "orket", "orket", "det"},
    {"komme", "kommer", "kom", "kommet", "tilbake"},
    {"ha", "har", "hadde", "hatt", "det bra"},
    {"gå", "går", "gikk", "gått", "til behandling"},
});

constexpr Verb kBe = {"være", "er", "var", "vært", ""};
constexpr Verb kBecome = {"bli", "blir", "ble", "blitt", ""};

struct Pronoun {
    std::string_view subject;
    std::string_view object;
    bool plural;
    bool neuter;
};

constexpr auto kPronouns = std::to_array<Pronoun>({
    {"jeg", "meg", false, false},
    {"det", "det", false, true},
    {"vi", "oss", true, false},
    {"de", "dem", true, false},
    {"hun", "henne", false, false},
    {"han", "ham", false, false},
    {"man", "en", false, false},
    {"du", "deg", false, false},
});

// Sentence adverbs: after the finite verb in main clauses, before it in subordinate ones.
constexpr auto kAdverbs = std::to_array<std::string_view>(
    {"ikke",     "jo",          "egentlig",    "bare",    "også",     "liksom",
     "faktisk",  "kanskje",     "nok",         "alltid",  "aldri",    "ofte",
     "virkelig", "fortsatt",    "ikke alltid", "gjerne",  "allerede", "vel",
     "sjelden",  "heller ikke", "absolutt",    "endelig", "neppe"});

// Adverbials that can open a main clause (V2: the finite verb follows).
constexpr auto kFronted = std::to_array<std::string_view>({
    "da", "så", "nå", "etter hvert", "i starten", "til slutt", "heldigvis", "dessverre", "egentlig",
    "i dag", "noen ganger", "på den tiden", "for meg", "i hvert fall", "plutselig", "etterpå",
    "den første tiden", "i begynnelsen", "hos oss", "på NAV", "i fjor", "etter et halvt år",
    "før jul", "i sommer", "ærlig talt", "samtidig",
});

// Adverbials of time or manner at the end of a clause.
constexpr auto kTrailing = std::to_array<std::string_view>(
    {"i dag",           "nå",           "hver uke",   "etter hvert", "den gangen",  "i starten",
     "til slutt",       "i fjor",       "på mandag",  "om morgenen", "i høst",      "i vår",
     "samme dag",       "flere ganger", "hele tiden", "med en gang", "etter lunsj", "over tid",
     "for lenge siden", "i perioder",   "i ettertid", "fra dag én",  "på sikt"});

constexpr auto kPrepositions = std::to_array<std::string_view>({
    "på", "i", "med", "til", "fra", "for", "om", "hos", "etter", "uten", "gjennom", "under",
    "mellom", "rundt", "mot",
});

constexpr auto kPlaces = std::to_array<std::string_view>(
    {"på NAV",          "hos fastlegen",  "på DPS",    "i kommunen",     "på jobb",
     "på kontoret",     "i teamet",       "i Bergvik", "på Solvang",     "i Fjordheim",
     "på lageret",      "i butikken",     "hjemme",    "på sykehjemmet", "i barnehagen",
     "på NAV-kontoret", "hos psykologen", "i kantina", "på byen",        "i Vestdal"});

// Where people work, for "jeg jobber 40 prosent ...".
constexpr auto kWorkplaces = std::to_array<std::string_view>({
    "i butikken", "på lageret", "på sykehjemmet", "i barnehagen", "i kantina", "i kommunen",
    "på et hotell", "på et bakeri", "i en matbutikk", "på et verksted", "i et vaskeri",
    "på et kontor i Fjordheim", "i en kafé på Solvang", "hos en elektriker", "på gartneriet",
    "i hjemmetjenesten", "på en bensinstasjon", "i et flyttebyrå",
});

constexpr auto kIntensifiers = std::to_array<std::string_view>(
    {"veldig ", "litt ", "ganske ", "så ", "helt ", "skikkelig ", "kjempe", "utrolig ", "ikke så ",
     "altfor ", "ekstremt ", "passe "});

constexpr auto kOpinionVerbs = std::to_array<std::string_view>({
    "synes", "tror", "tenker", "mener", "føler", "vet", "husker", "opplevde", "merket", "skjønte",
});

constexpr auto kSubordinators = std::to_array<std::string_view>(
    {"når", "hvis", "fordi", "selv om", "etter at", "før", "siden", "mens", "da"});

// Coordinating conjunctions: the clause after them keeps subject-verb order.
constexpr auto kConjunctions = std::to_array<std::string_view>({
    "og", "men", "og", "så", "for", "og",
});

// Conjunction plus adverb: the clause after them is inverted ("og så gikk jeg").
constexpr auto kConjunctionsInverting = std::to_array<std::string_view>(
    {"og så", "men så", "men samtidig", "og da", "men likevel", "og etterpå"});

constexpr auto kPrefixes = std::to_array<std::string_view>(
    {"altså, ", "ja, ", "men ", "og ", "nei, ", "eh, ", "ja, altså, ", "jeg mener, ",
     "for å være ærlig, ", "sånn sett, ", "men altså, ", "ja, for ", "nei, men ", "hm, ",
     "i hvert fall, ", "jo, "});

constexpr auto kTags = std::to_array<std::string_view>(
    {", ikke sant", ", liksom", ", da", ", på en måte", ", tror jeg", ", egentlig", ", altså",
     ", i hvert fall", ", sånn sett", ", vet du"});

constexpr auto kShortTurns = std::to_array<std::string_view>({
    "Ja.", "Mm.", "Helt enig.", "Ja, det stemmer.", "Nei.", "Mm, ja.", "Akkurat.", "Ja, absolutt.",
    "Samme her.", "Ikke sant.", "[latter]", "Ja, ja.", "Det er sant.", "Jeg er enig.", "Nettopp.",
    "Kanskje.", "Jo.", "Hm.", "Ja, helt.", "Å ja.", "Nei, egentlig ikke.",
    "Det kjenner jeg meg igjen i.", "Ja, det var sånn for meg også.", "Mm. [latter]",
    "Ja, det er så sant.", "Jeg vet ikke.", "Nei, ikke i det hele tatt.", "Ja, kanskje det.",
    "Enig.", "Det høres kjent ut.",
});

constexpr auto kModeratorAcks = std::to_array<std::string_view>(
    {"Takk. ", "Mm. ", "Ja. ", "Interessant. ", "Det er nyttig å høre. ", "Så bra. ",
     "Takk for at du deler det. ", "Ja, jeg skjønner. ", "Mm, ja. ", "Spennende. "});

constexpr auto kModeratorShort = std::to_array<std::string_view>(
    {"Mm.", "Ja.", "Takk.", "Fortsett.", "Ja, fortell.", "Mm, ja.", "Interessant.", "Skjønner."});

constexpr auto kQuoted = std::to_array<std::string_view>(
    {"hun", "han", "legen", "jobbspesialisten", "veilederen", "sjefen", "psykologen", "mamma"});

constexpr auto kAsides = std::to_array<std::string_view>(
    {"skjønner dere hva jeg mener", "hva skal man si", "er det bare meg", "ikke sant",
     "hvem skulle jeg ellers ringe", "hva gjør man da", "kjenner dere dere igjen i det"});

constexpr auto kFrequencies = std::to_array<std::string_view>({
    "hver uke", "annenhver uke", "en gang i måneden", "to ganger i uka", "hver mandag",
    "nesten hver dag",
});

constexpr auto kWelcomes = std::to_array<std::string_view>({
    "Velkommen, alle sammen, og takk for at dere kunne komme.",
    "Hei, og velkommen hit. Fint at dere ville være med.",
    "Da setter vi i gang. Takk for at dere tok dere tid.",
});

constexpr auto kTopics = std::to_array<std::string_view>(
    {"jobbspesialister og IPS", "NAV og arbeid", "å komme i jobb med psykiske helseplager",
     "oppfølging på arbeidsplassen"});

constexpr auto kIntroductions = std::to_array<std::string_view>({
    "Ja, jeg er ", "Jeg er ", "Hei, jeg er ", "Eh, jeg er ",
});

constexpr auto kLastWords = std::to_array<std::string_view>(
    {"Nei, jeg tror vi har fått sagt det meste.", "Bare at det har vært fint å høre de andre.",
     "Nei. Takk for at vi fikk være med.", "Jeg vil bare si at det hjelper å bli tatt på alvor."});

constexpr auto kMonths = std::to_array<std::string_view>({
    "januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
    "november", "desember",
});

constexpr auto kNumberWords = std::to_array<std::string_view>({
    "null", "én", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni", "ti", "elleve", "tolv",
});

// clang-format on

// ----------------------------------------------------------------------------------------
// Text helpers

// Upper-cases the letter at `pos` (ASCII, æ, ø, å, é).
void capitalize_at(std::string& s, std::size_t pos) {
    if (pos >= s.size()) {
        return;
    }
    const char c = s[pos];
    if (c >= 'a' && c <= 'z') {
        s[pos] = static_cast<char>(c - 'a' + 'A');
        return;
    }
    // Two-byte UTF-8 (0xC3 xx): the capital is 0x20 lower in the second byte.
    if (pos + 1 < s.size() && static_cast<unsigned char>(c) == 0xC3U) {
        const auto second = static_cast<unsigned char>(s[pos + 1]);
        if (second == 0xA5U || second == 0xA6U || second == 0xB8U || second == 0xA9U) {
            s[pos + 1] = static_cast<char>(second - 0x20U);
        }
    }
}

void append_two_digits(std::string& out, std::uint32_t v) {
    out += static_cast<char>('0' + v / 10);
    out += static_cast<char>('0' + v % 10);
}

void append_number(std::string& out, std::uint64_t v) {
    std::array<char, 24> buf{};
    const auto res = std::to_chars(buf.data(), buf.data() + buf.size(), v);
    out.append(buf.data(), res.ptr);
}

// Appends " w" unless w is empty.
void append_word(std::string& out, std::string_view w) {
    if (w.empty()) {
        return;
    }
    out += ' ';
    out += w;
}

void append_padded(std::string& out, std::uint64_t v, std::size_t width) {
    std::string digits;
    append_number(digits, v);
    if (digits.size() < width) {
        out.append(width - digits.size(), '0');
    }
    out += digits;
}

// Agreement of a subject, for predicative adjectives.
struct Agreement {
    bool plural = false;
    bool neuter = false;
};

std::string_view agree(const Adjective& a, Agreement agr) {
    if (agr.plural) {
        return a.plural;
    }
    return agr.neuter ? a.neuter : a.base;
}

enum class Tense : std::uint8_t { present, past, perfect, pluperfect, modal, modal_past };

// The parts of a clause, put in main-clause, inverted or subordinate order by the caller.
struct Clause {
    std::string subject;
    std::string_view finite;
    std::string_view nonfinite;
    std::string rest;
};

// How speakers are labelled in one file.
enum class Style : std::uint8_t { plain, bracketed, stamped, coded };

// ----------------------------------------------------------------------------------------
// One transcript

class Transcript {
  public:
    Transcript(std::uint64_t seed, std::size_t number, std::size_t width, std::size_t target)
        : rng_(mix64(seed ^ mix64(0x7465'6D61ULL + number))),
          number_(number),
          width_(width),
          target_(target),
          nouns_(kNouns.size(), focus_nouns(rng_), 12),
          mass_(kMassNouns.size()),
          adjectives_(kAdjectives.size()),
          transitive_(kTransitive.size()),
          intransitive_(kIntransitive.size()),
          pronouns_(kPronouns.size()),
          adverbs_(kAdverbs.size()),
          fronted_(kFronted.size()),
          trailing_(kTrailing.size()),
          prepositions_(kPrepositions.size()),
          places_(kPlaces.size()),
          short_turns_(kShortTurns.size()) {}

    // The whole file; `turns` receives the number of speaker turns.
    std::string build(std::size_t& turns);

  private:
    static std::vector<std::size_t> focus_nouns(Rng& rng) {
        // Each group talks a lot about a few things: these nouns get 12 times the weight.
        std::vector<std::size_t> focus;
        focus.reserve(3);
        for (int i = 0; i < 3; ++i) {
            focus.push_back(rng.index(kNouns.size()));
        }
        return focus;
    }

    // Words and phrases
    const Noun& noun() { return kNouns[nouns_.draw(rng_)]; }
    const Adjective& adjective() { return kAdjectives[adjectives_.draw(rng_)]; }
    std::string_view adverb() { return kAdverbs[adverbs_.draw(rng_)]; }
    void number_phrase(std::uint32_t lo, std::uint32_t hi);
    void noun_phrase(Agreement* agr = nullptr);
    void object();
    void prepositional_phrase();
    Agreement subject(std::string& into);
    Tense tense();
    void verb_forms(const Verb& v, Tense t, Clause& c);
    Clause clause();
    void main_clause(const Clause& c, std::string_view adv);
    void inverted_clause(std::string_view front, const Clause& c, std::string_view adv);
    void subordinate_clause(const Clause& c, std::string_view adv);
    std::string_view maybe_adverb(std::uint32_t p) { return rng_.percent(p) ? adverb() : ""; }
    // A random clause with, at probability p%, a sentence adverb. The clause is drawn before
    // the adverb in a separate statement: the order in which function arguments are evaluated
    // is unspecified, and it must not decide what the output is.
    void say_main(std::uint32_t p);
    void say_inverted(std::string_view front, std::uint32_t p);
    void say_subordinate(std::uint32_t p);
    void say_verb_phrase(const Verb& v, std::string_view form);

    // Sentences and turns
    void sentence();
    void participant_turn();
    void moderator_turn(bool after_intro);
    void question();
    void label(std::size_t speaker);  // 0 = moderator
    void timestamp();
    void turn_end();

    Rng rng_;
    std::size_t number_;
    std::size_t width_;
    std::size_t target_;
    Zipf nouns_, mass_, adjectives_, transitive_, intransitive_, pronouns_, adverbs_, fronted_,
        trailing_, prepositions_, places_, short_turns_;

    std::string out_;
    Style style_ = Style::plain;
    bool feminine_ei_ = false;           // "ei uke" rather than "en uke"
    std::vector<std::uint32_t> ids_;     // participant numbers as labelled
    std::vector<std::uint32_t> weight_;  // how much each participant talks
    std::uint32_t seconds_ = 0;
    std::size_t turn_start_ = 0;
    std::size_t turns_ = 0;
};

void Transcript::number_phrase(std::uint32_t lo, std::uint32_t hi) {
    const std::uint32_t n = rng_.between(lo, hi);
    if (n < kNumberWords.size() && rng_.percent(60)) {
        out_ += kNumberWords[n];
    } else {
        append_number(out_, n);
    }
}

// A noun phrase in any form; reports its agreement when asked.
void Transcript::noun_phrase(Agreement* agr) {
    const Noun& n = noun();
    const bool with_adjective = rng_.percent(18);
    const std::uint32_t form = rng_.below(100);
    Agreement a;
    if (form < 30) {  // definite singular: jobbspesialisten, den nye jobbspesialisten
        a.neuter = n.gender == Gender::neuter;
        if (with_adjective) {
            out_ += a.neuter ? "det " : "den ";
            out_ += adjective().plural;
            out_ += ' ';
        }
        out_ += n.sg_def;
    } else if (form < 50) {  // indefinite singular: en god arbeidsgiver, et nytt møte
        a.neuter = n.gender == Gender::neuter;
        if (a.neuter) {
            out_ += "et ";
        } else if (n.gender == Gender::feminine && feminine_ei_) {
            out_ += "ei ";
        } else {
            out_ += "en ";
        }
        if (with_adjective) {
            const Adjective& adj = adjective();
            out_ += a.neuter ? adj.neuter : adj.base;
            out_ += ' ';
        }
        out_ += n.sg;
    } else if (form < 68) {  // indefinite plural: mange arbeidsgivere, nye stillinger
        a.plural = true;
        static constexpr auto kQuantifiers =
            std::to_array<std::string_view>({"", "", "", "mange ", "noen ", "flere ", "få ",
                                             "alle ", "ingen ", "andre ", "sånne "});
        out_ += rng_.pick(kQuantifiers);
        if (with_adjective) {
            out_ += adjective().plural;
            out_ += ' ';
        }
        out_ += n.pl;
    } else if (form < 82) {  // definite plural: arbeidsgiverne, de gamle kollegaene
        a.plural = true;
        if (with_adjective) {
            out_ += "de ";
            out_ += adjective().plural;
            out_ += ' ';
        }
        out_ += n.pl_def;
    } else {  // possessive: jobbspesialisten min, veilederne våre
        static constexpr auto kSingular = std::to_array<std::array<std::string_view, 3>>({
            {" min", " mi", " mitt"},
            {" vår", " vår", " vårt"},
            {" din", " di", " ditt"},
            {" hans", " hans", " hans"},
            {" hennes", " hennes", " hennes"},
            {" deres", " deres", " deres"},
        });
        static constexpr auto kPlural = std::to_array<std::string_view>(
            {" mine", " våre", " dine", " hans", " hennes", " deres"});
        const std::size_t who = rng_.below(100) < 55 ? 0 : rng_.index(kPlural.size());
        if (rng_.percent(30)) {
            a.plural = true;
            out_ += n.pl_def;
            out_ += kPlural[who];
        } else {
            a.neuter = n.gender == Gender::neuter;
            out_ += n.sg_def;
            const bool ei = n.gender == Gender::feminine && n.sg_def.ends_with('a');
            out_ += kSingular[who][a.neuter ? 2 : (ei ? 1 : 0)];
        }
    }
    if (agr != nullptr) {
        *agr = a;
    }
}

void Transcript::object() {
    const std::uint32_t r = rng_.below(100);
    if (r < 10) {  // legen og psykologen
        noun_phrase();
        out_ += " og ";
        noun_phrase();
    } else if (r < 62) {
        noun_phrase();
    } else if (r < 80) {
        out_ += kMassNouns[mass_.draw(rng_)];
    } else {
        out_ += kPronouns[pronouns_.draw(rng_)].object;
    }
}

void Transcript::prepositional_phrase() {
    if (rng_.percent(30)) {
        out_ += kPlaces[places_.draw(rng_)];
        return;
    }
    out_ += kPrepositions[prepositions_.draw(rng_)];
    out_ += ' ';
    if (rng_.percent(25)) {
        out_ += kMassNouns[mass_.draw(rng_)];
    } else {
        noun_phrase();
    }
}

Agreement Transcript::subject(std::string& into) {
    if (rng_.percent(68)) {
        const Pronoun& p = kPronouns[pronouns_.draw(rng_)];
        into = p.subject;
        return {p.plural, p.neuter};
    }
    Agreement agr;
    const std::size_t mark = out_.size();
    noun_phrase(&agr);
    into = out_.substr(mark);
    out_.resize(mark);
    return agr;
}

Tense Transcript::tense() {
    const std::uint32_t r = rng_.below(100);
    if (r < 42) {
        return Tense::past;
    }
    if (r < 74) {
        return Tense::present;
    }
    if (r < 84) {
        return Tense::perfect;
    }
    if (r < 88) {
        return Tense::pluperfect;
    }
    return r < 95 ? Tense::modal : Tense::modal_past;
}

void Transcript::verb_forms(const Verb& v, Tense t, Clause& c) {
    static constexpr auto kModals =
        std::to_array<std::string_view>({"kan", "må", "skal", "vil", "bør", "får"});
    static constexpr auto kModalsPast =
        std::to_array<std::string_view>({"kunne", "måtte", "skulle", "ville", "burde"});
    switch (t) {
        case Tense::present:
            c.finite = v.pres;
            break;
        case Tense::past:
            c.finite = v.past;
            break;
        case Tense::perfect:
            c.finite = "har";
            c.nonfinite = v.perf;
            break;
        case Tense::pluperfect:
            c.finite = "hadde";
            c.nonfinite = v.perf;
            break;
        case Tense::modal:
            c.finite = rng_.pick(kModals);
            c.nonfinite = v.inf;
            break;
        case Tense::modal_past:
            c.finite = rng_.pick(kModalsPast);
            c.nonfinite = v.inf;
            break;
    }
}

// A random clause: transitive, intransitive or predicative. Builds `rest` in out_ and
// moves it into the clause so that the noun-phrase helpers can append to out_.
Clause Transcript::clause() {
    Clause c;
    const Agreement agr = subject(c.subject);
    const Tense t = tense();
    const std::size_t mark = out_.size();
    const std::uint32_t kind = rng_.below(100);
    if (kind < 52) {
        const Verb& v = kTransitive[transitive_.draw(rng_)];
        verb_forms(v, t, c);
        if (!v.particle.empty()) {
            out_ += v.particle;
            out_ += ' ';
        }
        object();
        if (rng_.percent(22)) {
            out_ += ' ';
            prepositional_phrase();
        }
    } else if (kind < 72) {
        const Verb& v = kIntransitive[intransitive_.draw(rng_)];
        verb_forms(v, t, c);
        out_ += v.particle;
        if (rng_.percent(35)) {
            if (!v.particle.empty()) {
                out_ += ' ';
            }
            prepositional_phrase();
        }
    } else {
        verb_forms(rng_.percent(75) ? kBe : kBecome, t, c);
        if (rng_.percent(45)) {
            out_ += kIntensifiers[rng_.index(kIntensifiers.size())];
        }
        out_ += agree(adjective(), agr);
        if (rng_.percent(15)) {
            out_ += ' ';
            prepositional_phrase();
        }
    }
    if (rng_.percent(14)) {
        if (out_.size() > mark) {
            out_ += ' ';
        }
        out_ += kTrailing[trailing_.draw(rng_)];
    }
    c.rest = out_.substr(mark);
    out_.resize(mark);
    return c;
}

void Transcript::main_clause(const Clause& c, std::string_view adv) {
    out_ += c.subject;
    append_word(out_, c.finite);
    append_word(out_, adv);
    append_word(out_, c.nonfinite);
    append_word(out_, c.rest);
}

void Transcript::inverted_clause(std::string_view front, const Clause& c, std::string_view adv) {
    out_ += front;
    append_word(out_, c.finite);
    append_word(out_, c.subject);
    append_word(out_, adv);
    append_word(out_, c.nonfinite);
    append_word(out_, c.rest);
}

void Transcript::subordinate_clause(const Clause& c, std::string_view adv) {
    out_ += c.subject;
    append_word(out_, adv);
    append_word(out_, c.finite);
    append_word(out_, c.nonfinite);
    append_word(out_, c.rest);
}

void Transcript::say_main(std::uint32_t p) {
    const Clause c = clause();
    const std::string_view adv = maybe_adverb(p);
    main_clause(c, adv);
}

void Transcript::say_inverted(std::string_view front, std::uint32_t p) {
    const Clause c = clause();
    const std::string_view adv = maybe_adverb(p);
    inverted_clause(front, c, adv);
}

void Transcript::say_subordinate(std::uint32_t p) {
    const Clause c = clause();
    const std::string_view adv = maybe_adverb(p);
    subordinate_clause(c, adv);
}

// "søke på en stilling": the given form of a transitive verb with its particle and object.
void Transcript::say_verb_phrase(const Verb& v, std::string_view form) {
    out_ += form;
    out_ += ' ';
    if (!v.particle.empty()) {
        out_ += v.particle;
        out_ += ' ';
    }
    object();
}

// One sentence of a participant, with capital letter and final punctuation.
void Transcript::sentence() {
    const std::size_t start = out_.size();
    if (rng_.percent(24)) {
        out_ += rng_.pick(kPrefixes);
    }
    bool ended = false;
    const std::uint32_t kind = rng_.below(100);
    if (kind < 26) {  // plain main clause
        say_main(45);
    } else if (kind < 40) {  // jeg synes at ...
        out_ += rng_.percent(75) ? "jeg" : kPronouns[pronouns_.draw(rng_)].subject;
        out_ += ' ';
        out_ += rng_.pick(kOpinionVerbs);
        if (rng_.percent(30)) {
            append_word(out_, adverb());
        }
        out_ += rng_.percent(85) ? " at " : " ";
        say_subordinate(35);
    } else if (kind < 52) {  // Da fikk jeg ...
        const std::string_view front = kFronted[fronted_.draw(rng_)];
        say_inverted(front, 35);
    } else if (kind < 62) {  // X, og Y
        say_main(35);
        out_ += ", ";
        if (rng_.percent(30)) {
            const std::string_view front = rng_.pick(kConjunctionsInverting);
            say_inverted(front, 35);
        } else {
            out_ += rng_.pick(kConjunctions);
            out_ += ' ';
            say_main(35);
        }
    } else if (kind < 70) {  // Når X, så Y / Når X, fikk jeg Y
        out_ += rng_.pick(kSubordinators);
        out_ += ' ';
        say_subordinate(30);
        out_ += ", ";
        if (rng_.percent(30)) {
            out_ += "så ";
            say_main(30);
        } else {
            const Clause c = clause();
            out_ += c.finite;
            append_word(out_, c.subject);
            append_word(out_, maybe_adverb(30));
            append_word(out_, c.nonfinite);
            append_word(out_, c.rest);
        }
    } else if (kind < 76) {  // Det var vanskelig å ...
        out_ += rng_.percent(55) ? "det var " : "det er ";
        if (rng_.percent(55)) {
            out_ += kIntensifiers[rng_.index(kIntensifiers.size())];
        }
        out_ += adjective().neuter;
        out_ += " å ";
        const Verb& v = kTransitive[transitive_.draw(rng_)];
        say_verb_phrase(v, v.inf);
    } else if (kind < 83) {  // numbers
        switch (rng_.below(9)) {
            case 0:
                out_ += "jeg var sykmeldt i ";
                number_phrase(2, 14);
                out_ += rng_.percent(50) ? " måneder" : " år";
                break;
            case 1:
                out_ += "det tok ";
                number_phrase(2, 30);
                out_ += " uker før ";
                say_subordinate(20);
                break;
            case 2:
                out_ += "nå jobber jeg ";
                append_number(out_, std::uint64_t{10} * rng_.between(1, 10));
                out_ += " prosent";
                append_word(out_,
                            rng_.percent(50) ? kWorkplaces[rng_.index(kWorkplaces.size())] : "");
                break;
            case 3:
                out_ += "jeg begynte i IPS i ";
                append_number(out_, rng_.between(2012, 2024));
                break;
            case 4:
                out_ += "jeg var ";
                append_number(out_, rng_.between(17, 58));
                out_ += " da jeg ";
                {
                    const Verb& v = kTransitive[transitive_.draw(rng_)];
                    say_verb_phrase(v, v.past);
                }
                break;
            case 5:
                out_ += "jeg søkte på ";
                number_phrase(3, 60);
                out_ += " jobber og fikk ";
                number_phrase(0, 4);
                out_ += " intervjuer";
                break;
            case 6:
                out_ += "vi hadde møte ";
                out_ += rng_.pick(kFrequencies);
                break;
            case 7:
                out_ += "jeg har hatt ";
                number_phrase(2, 9);
                out_ += " forskjellige veiledere på ";
                number_phrase(2, 8);
                out_ += " år";
                break;
            default:
                out_ += "jeg må være på jobb klokka ";
                append_number(out_, rng_.between(6, 10));
                if (rng_.percent(40)) {
                    out_ += ".";
                    append_two_digits(out_, 15U * rng_.below(4));
                }
                break;
        }
    } else if (kind < 88) {  // Hun sa: «...»
        if (rng_.percent(50)) {
            out_ += "så sa ";
            out_ += rng_.pick(kQuoted);
        } else {
            out_ += rng_.pick(kQuoted);
            out_ += " sa";
        }
        out_ += ": «";
        const std::size_t q = out_.size();
        say_main(40);
        capitalize_at(out_, q);
        out_ += rng_.percent(80) ? ".»" : "!»";
        ended = true;
    } else if (kind < 94) {  // Det var X som ...
        out_ += rng_.percent(60) ? "det var " : "det er ";
        noun_phrase();
        out_ += " som";
        const Clause c = clause();
        append_word(out_, maybe_adverb(30));
        append_word(out_, c.finite);
        append_word(out_, c.nonfinite);
        append_word(out_, c.rest);
    } else {  // question to the others
        out_ += rng_.pick(kAsides);
        out_ += '?';
        ended = true;
    }
    if (!ended) {
        if (rng_.percent(10)) {
            out_ += rng_.pick(kTags);
        }
        const std::uint32_t p = rng_.below(100);
        out_ += p < 88 ? "." : (p < 94 ? "..." : "!");
    }
    capitalize_at(out_, start);
}

void Transcript::timestamp() {
    const std::uint32_t h = seconds_ / 3600;
    const std::uint32_t m = seconds_ / 60 % 60;
    const std::uint32_t s = seconds_ % 60;
    append_two_digits(out_, h);
    out_ += ':';
    append_two_digits(out_, m);
    out_ += ':';
    append_two_digits(out_, s);
}

void Transcript::label(std::size_t speaker) {
    if (turns_ > 0) {
        out_ += '\n';  // blank line between turns
    }
    turn_start_ = out_.size();
    ++turns_;
    switch (style_) {
        case Style::plain:
            break;
        case Style::bracketed:
            out_ += '[';
            timestamp();
            out_ += "] ";
            break;
        case Style::stamped:
            timestamp();
            out_ += ' ';
            break;
        case Style::coded:
            if (speaker == 0) {
                out_ += "M: ";
            } else {
                out_ += 'P';
                append_padded(out_, ids_[speaker - 1], 2);
                out_ += ": ";
            }
            return;
    }
    if (speaker == 0) {
        out_ += "Moderator: ";
    } else {
        out_ += style_ == Style::bracketed ? "Person " : "Deltaker ";
        append_number(out_, ids_[speaker - 1]);
        out_ += ": ";
    }
}

void Transcript::turn_end() {
    // About 15 characters a second of speech, plus a pause between speakers.
    const auto length = static_cast<std::uint32_t>(out_.size() - turn_start_);
    seconds_ += length / 15 + rng_.between(1, 4);
    out_ += '\n';
}

void Transcript::question() {
    switch (rng_.below(14)) {
        case 0:
            out_ += "Hva tenker dere om ";
            object();
            out_ += '?';
            break;
        case 1:
            out_ += "Kan du si litt mer om ";
            if (rng_.percent(50)) {
                out_ += "det";
            } else {
                noun_phrase();
            }
            out_ += '?';
            break;
        case 2:
            out_ += "Hvordan opplevde dere ";
            noun_phrase();
            out_ += '?';
            break;
        case 3: {
            out_ += "Hvordan var det å ";
            const Verb& v = kTransitive[transitive_.draw(rng_)];
            say_verb_phrase(v, v.inf);
            out_ += '?';
            break;
        }
        case 4:
            out_ += "Hva betydde ";
            out_ += noun().sg_def;
            out_ += " for dere?";
            break;
        case 5: {
            out_ += "Var det noen som ";
            const Verb& v = kTransitive[transitive_.draw(rng_)];
            say_verb_phrase(v, v.past);
            out_ += '?';
            break;
        }
        case 6:
            out_ += "Er det andre som kjenner seg igjen i det?";
            break;
        case 7:
            out_ += "Du nevnte ";
            object();
            out_ += " – hva mener du med det?";
            break;
        case 8:
            out_ += "Hva skulle dere ønske at ";
            out_ += noun().pl_def;
            out_ += " gjorde annerledes?";
            break;
        case 9:
            out_ += "Hvordan var samarbeidet mellom ";
            out_ += noun().pl_def;
            out_ += " og ";
            out_ += rng_.percent(50) ? "NAV" : noun().pl_def;
            out_ += '?';
            break;
        case 10: {
            out_ += "Hva var det viktigste for dere da dere skulle ";
            const Verb& v = kTransitive[transitive_.draw(rng_)];
            say_verb_phrase(v, v.inf);
            out_ += '?';
            break;
        }
        case 11:
            out_ += "Hvis dere skulle gi ett råd til ";
            out_ += noun().pl;
            out_ += ", hva ville det vært?";
            break;
        case 12:
            out_ += "Nå vil jeg gjerne høre litt om ";
            noun_phrase();
            out_ += ". Hvem vil begynne?";
            break;
        default:
            out_ += "La oss gå videre til ";
            out_ += noun().pl_def;
            out_ += ". Hva er deres erfaringer der?";
            break;
    }
}

void Transcript::moderator_turn(bool after_intro) {
    label(0);
    if (!after_intro && rng_.percent(18)) {
        out_ += rng_.pick(kModeratorShort);
    } else {
        if (rng_.percent(45)) {
            out_ += rng_.pick(kModeratorAcks);
        }
        question();
    }
    turn_end();
}

void Transcript::participant_turn() {
    // Sentences per turn: mostly a few, now and then a long story.
    static constexpr auto kSentences =
        std::to_array<std::uint32_t>({1, 2, 2, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 7, 8, 9, 11, 14});
    const std::uint32_t n = rng_.pick(kSentences);
    for (std::uint32_t i = 0; i < n; ++i) {
        if (i > 0) {
            const std::uint32_t r = rng_.below(100);
            if (r < 4) {
                out_ += " (pause) ";
            } else if (r < 7) {
                out_ += " [latter] ";
            } else if (r < 8) {
                out_ += " [utydelig] ";
            } else if (r < 10) {
                out_ += " – ";
            } else {
                out_ += ' ';
            }
        }
        sentence();
    }
    if (rng_.percent(4)) {
        out_ += " [latter]";
    }
}

std::string Transcript::build(std::size_t& turns) {
    out_.reserve(target_ + 4096);
    style_ = static_cast<Style>(rng_.below(4));
    feminine_ei_ = rng_.percent(40);
    const std::size_t people = rng_.between(5, 8);
    if (style_ == Style::coded) {
        // Study-wide participant codes: distinct, ascending, not necessarily contiguous.
        while (ids_.size() < people) {
            const std::uint32_t id = rng_.between(1, 40);
            if (std::find(ids_.begin(), ids_.end(), id) == ids_.end()) {
                ids_.push_back(id);
            }
        }
        std::sort(ids_.begin(), ids_.end());
    } else {
        for (std::uint32_t i = 1; i <= people; ++i) {
            ids_.push_back(i);
        }
    }
    for (std::size_t i = 0; i < people; ++i) {
        weight_.push_back(rng_.between(1, 6));
    }
    seconds_ = rng_.between(3, 40);

    out_ += "Fokusgruppe ";
    append_padded(out_, number_, width_);
    out_ += " – syntetisk\nDato: ";
    append_number(out_, rng_.between(1, 28));
    out_ += ". ";
    out_ += rng_.pick(kMonths);
    out_ += ' ';
    append_number(out_, rng_.between(2019, 2024));
    out_ += "\n\n";

    // Welcome and a round of introductions.
    label(0);
    out_ += rng_.pick(kWelcomes);
    out_ += " Vi skal snakke om erfaringer med ";
    out_ += rng_.pick(kTopics);
    out_ +=
        ". Det finnes ingen riktige eller gale svar. Kan vi begynne med en kort "
        "presentasjonsrunde?";
    turn_end();
    for (std::size_t p = 1; p <= people && out_.size() < target_; ++p) {
        label(p);
        out_ += rng_.pick(kIntroductions);
        append_number(out_, rng_.between(19, 61));
        out_ += " år, og ";
        switch (rng_.below(4)) {
            case 0:
                out_ += "jeg har vært sykmeldt i ";
                number_phrase(1, 9);
                out_ += " år";
                break;
            case 1:
                out_ += "jeg jobber ";
                append_number(out_, std::uint64_t{10} * rng_.between(2, 10));
                out_ += " prosent ";
                out_ += rng_.pick(kWorkplaces);
                break;
            case 2:
                out_ += "jeg har hatt jobbspesialist i ";
                number_phrase(2, 18);
                out_ += " måneder";
                break;
            default:
                out_ += "jeg er på AAP nå";
                break;
        }
        out_ += '.';
        if (rng_.percent(50)) {
            out_ += ' ';
            sentence();
        }
        turn_end();
    }

    // Discussion until the file is nearly full, then a closing round.
    constexpr std::size_t kClosing = 300;
    std::size_t previous = 0;
    bool after_question = false;
    while (out_.size() + kClosing < target_) {
        if (previous != 0 && !after_question && rng_.percent(19)) {
            moderator_turn(false);
            previous = 0;
            after_question = true;
            continue;
        }
        // Weighted choice of the next participant, never the one who just spoke.
        std::uint32_t total = 0;
        for (std::size_t i = 0; i < people; ++i) {
            total += i + 1 == previous ? 0 : weight_[i];
        }
        std::uint32_t r = rng_.below(total);
        std::size_t speaker = 1;
        for (std::size_t i = 0; i < people; ++i) {
            const std::uint32_t w = i + 1 == previous ? 0 : weight_[i];
            if (r < w) {
                speaker = i + 1;
                break;
            }
            r -= w;
        }
        label(speaker);
        if (!after_question && rng_.percent(15)) {
            out_ += kShortTurns[short_turns_.draw(rng_)];
        } else {
            participant_turn();
        }
        turn_end();
        previous = speaker;
        after_question = false;
    }
    label(0);
    out_ += "Da er vi nesten ferdige. Er det noe dere vil legge til før vi avslutter?";
    turn_end();
    label(1 + rng_.index(people));
    out_ += rng_.pick(kLastWords);
    turn_end();
    label(0);
    out_ += "Tusen takk for at dere ville være med. Da slår jeg av opptakeren.";
    turn_end();
    turns = turns_;
    return std::move(out_);
}

// ----------------------------------------------------------------------------------------
// Command line

struct Options {
    std::filesystem::path out_dir;
    std::uint64_t files = 1000;
    std::uint64_t seed = 1;
    std::uint64_t size = 51'000;
};

constexpr std::string_view kUsage =
    "usage: tema_generate_corpus OUT_DIR [--files N] [--seed S] [--size BYTES]\n"
    "  Writes N synthetic Norwegian focus-group transcripts OUT_DIR/fg-0001.txt ...\n"
    "  of about BYTES bytes each. Defaults: N=1000, S=1, BYTES=51000.\n"
    "  The same arguments give byte-identical files on every machine.\n";

std::optional<std::uint64_t> parse_number(std::string_view s) {
    std::uint64_t v = 0;
    const auto* end = s.data() + s.size();
    const auto res = std::from_chars(s.data(), end, v);
    if (s.empty() || res.ec != std::errc{} || res.ptr != end) {
        return std::nullopt;
    }
    return v;
}

std::optional<Options> parse_args(const std::vector<std::string_view>& args) {
    Options o;
    bool have_dir = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string_view a = args[i];
        std::string_view value;
        std::uint64_t* target = nullptr;
        for (const auto& [name, field] : {std::pair{std::string_view{"--files"}, &o.files},
                                          std::pair{std::string_view{"--seed"}, &o.seed},
                                          std::pair{std::string_view{"--size"}, &o.size}}) {
            if (a == name) {
                if (i + 1 >= args.size()) {
                    std::cerr << "tema_generate_corpus: " << name << " needs a value\n";
                    return std::nullopt;
                }
                value = args[++i];
                target = field;
            } else if (a.starts_with(name) && a.size() > name.size() && a[name.size()] == '=') {
                value = a.substr(name.size() + 1);
                target = field;
            }
        }
        if (target != nullptr) {
            const auto v = parse_number(value);
            if (!v) {
                std::cerr << "tema_generate_corpus: not a number: " << value << '\n';
                return std::nullopt;
            }
            *target = *v;
        } else if (a.starts_with("-")) {
            std::cerr << "tema_generate_corpus: unknown option " << a << '\n';
            return std::nullopt;
        } else if (have_dir) {
            std::cerr << "tema_generate_corpus: more than one output directory\n";
            return std::nullopt;
        } else {
            o.out_dir = std::filesystem::path(std::string(a));
            have_dir = true;
        }
    }
    if (!have_dir) {
        std::cerr << "tema_generate_corpus: no output directory\n";
        return std::nullopt;
    }
    if (o.files == 0 || o.files > 1'000'000) {
        std::cerr << "tema_generate_corpus: --files must be 1 to 1000000\n";
        return std::nullopt;
    }
    if (o.size > 100'000'000) {
        std::cerr << "tema_generate_corpus: --size must be at most 100000000\n";
        return std::nullopt;
    }
    return o;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string_view> args(argv + 1, argv + argc);
    for (const std::string_view a : args) {
        if (a == "-h" || a == "--help") {
            std::cout << kUsage;
            return 0;
        }
    }
    const auto options = parse_args(args);
    if (!options) {
        std::cerr << kUsage;
        return 2;
    }
    const Options& o = *options;

    std::error_code ec;
    std::filesystem::create_directories(o.out_dir, ec);
    if (ec) {
        std::cerr << "tema_generate_corpus: cannot create " << o.out_dir.string() << ": "
                  << ec.message() << '\n';
        return 1;
    }

    std::size_t width = 4;
    for (std::uint64_t n = o.files; n >= 10'000; n /= 10) {
        ++width;
    }

    const auto started = std::chrono::steady_clock::now();
    std::uint64_t bytes = 0;
    std::uint64_t turns = 0;
    for (std::uint64_t i = 1; i <= o.files; ++i) {
        std::size_t file_turns = 0;
        const std::string text = Transcript(o.seed, i, width, o.size).build(file_turns);
        std::string name = "fg-";
        append_padded(name, i, width);
        name += ".txt";
        const std::filesystem::path path = o.out_dir / name;
        std::ofstream file(path, std::ios::binary | std::ios::trunc);
        file.write(text.data(), static_cast<std::streamsize>(text.size()));
        file.close();
        if (!file) {
            std::cerr << "tema_generate_corpus: cannot write " << path.string() << '\n';
            return 1;
        }
        bytes += text.size();
        turns += file_turns;
    }
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;

    std::cout << "tema_generate_corpus: " << o.files << " files, " << bytes << " bytes, " << turns
              << " turns (seed " << o.seed << ") in " << elapsed.count() << " s -> "
              << o.out_dir.string() << '\n';
    return 0;
}
