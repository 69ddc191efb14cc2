using System.Text.Json;
using System.Text.Json.Serialization;
using StrategyLint.Syntax;
using StrategyLint.Text;

namespace StrategyLint.Languages;

/// <summary>
/// The words StrategyLint needs to read drafts in one language beyond the packs' own terms, as data in
/// <c>rules/languages/&lt;code&gt;.json</c> (schema: docs/language-profile.schema.json): the frequent function words that
/// detect the language, and the structural vocabularies the built-in code uses (negation, background and glossary
/// titles, institution names). A profile whose <see cref="DomainRules"/> is false only detects its language.
/// <para>
/// To add a vocabulary, add one property of type <see cref="WordList"/> (single words) or <see cref="PhraseList"/>
/// (words or phrases, exact forms) with its key in the schema; the JSON is read into it, and it compares words
/// case- and diacritic-insensitively (<see cref="WordChars.Fold"/>).
/// </para>
/// </summary>
internal sealed class LanguageProfile
{
    [JsonPropertyName("$schema")] public string? Schema { get; set; }

    /// <summary>ISO 639-1 code, lower case: the file's name.</summary>
    public string Code { get; set; } = "";

    /// <summary>The English name messages show ("French").</summary>
    public string Name { get; set; } = "";

    /// <summary>Other ways front matter names the language ("français", "fra").</summary>
    public WordList Names { get; set; } = WordList.Empty;

    /// <summary>True when the shipped packs and built-in rules have vocabulary for the language.</summary>
    public bool DomainRules { get; set; }

    /// <summary>Frequent function words, for detection; elided forms end in an apostrophe ("l'").</summary>
    public WordList StopWords { get; set; } = WordList.Empty;

    /// <summary>Words that negate a mention standing within five words after them.</summary>
    public WordList Negations { get; set; } = WordList.Empty;

    /// <summary>Negation word + next word that do not negate ("not only").</summary>
    public PhraseList Emphasis { get; set; } = PhraseList.Empty;

    /// <summary>Section-title words that make a section background.</summary>
    public PhraseList BackgroundTitles { get; set; } = PhraseList.Empty;

    /// <summary>Section-title words that make a section a glossary, definitions or references section.</summary>
    public PhraseList GlossaryTitles { get; set; } = PhraseList.Empty;

    /// <summary>Capitalised nouns that make a run of title-case words the name of a law or body; case-sensitive.</summary>
    [JsonConverter(typeof(CaseSensitiveWordListConverter))]
    public WordList InstitutionNouns { get; set; } = WordList.Empty;

    /// <summary>Lower-case words that may stand inside such a name; case-sensitive.</summary>
    [JsonConverter(typeof(CaseSensitiveWordListConverter))]
    public WordList NameConnectors { get; set; } = WordList.Empty;

    /// <summary>Elided articles written onto the next word ("l'", "d'").</summary>
    public WordList Elisions { get; set; } = WordList.Empty;

    /// <summary>True for an institution noun, also after an elision ("l'Agence").</summary>
    public bool IsInstitutionNoun(ReadOnlySpan<char> word) => InstitutionNouns.Contains(word) || (ElidedLength(word) is > 0 and var n && InstitutionNouns.Contains(word[n..]));

    /// <summary>True for a name connector, or an elided word that goes on with a capital ("d'Information").</summary>
    public bool IsNameConnector(ReadOnlySpan<char> word) =>
        NameConnectors.Contains(word) || (ElidedLength(word) is > 0 and var n && n < word.Length && char.IsUpper(word[n]));

    // The length of an elision at the start of the word ("d'" in "d'Information"), or 0.
    private int ElidedLength(ReadOnlySpan<char> word)
    {
        if (Elisions.IsEmpty)
            return 0;
        var apostrophe = word.IndexOfAny('\'', '\u2019', '\u02BC');
        return apostrophe > 0 && apostrophe < word.Length - 1 && Elisions.Contains(word[..(apostrophe + 1)]) ? apostrophe + 1 : 0;
    }

    /// <summary>Every shipped profile, English first, then by code.</summary>
    public static IReadOnlyList<LanguageProfile> All => Profiles.Value;

    /// <summary>The English profile: the default, and the one used when a document's language has no full profile.</summary>
    public static LanguageProfile English => All[0];

    /// <summary>The profile of a language code, or null.</summary>
    public static LanguageProfile? Find(string? code) => code is null ? null : All.FirstOrDefault(p => p.Code.Equals(code, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The profile the rules read a document with: its language's, when that language has full vocabulary; English
    /// otherwise (the domain rules do not run on such a document, see <see cref="LanguageSupport"/>; the rest reads English).
    /// </summary>
    public static LanguageProfile For(StrategyDocument document) =>
        document.GetOrAddAnalysis(typeof(LanguageProfile), d => Find(d.Language.Code) is { DomainRules: true } profile ? profile : English);

    /// <summary>The languages the domain rules can read, by name, English first ("English, French and Spanish").</summary>
    public static string SupportedNames
    {
        get
        {
            var names = All.Where(p => p.DomainRules).OrderBy(p => p.Code == "en" ? 0 : 1).ThenBy(p => p.Name, StringComparer.Ordinal).Select(p => p.Name).ToList();
            return names.Count <= 1 ? string.Concat(names) : string.Join(", ", names[..^1]) + " and " + names[^1];
        }
    }

    private static readonly Lazy<IReadOnlyList<LanguageProfile>> Profiles = new(LoadShipped);

    private const string ResourcePrefix = "languages/";

    private static List<LanguageProfile> LoadShipped()
    {
        var assembly = typeof(LanguageProfile).Assembly;
        var files = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return (Name: n[ResourcePrefix.Length..], Json: reader.ReadToEnd());
            });
        return Load(files);
    }

    /// <summary>
    /// Reads profiles given as ("fr.json", text), English first. A run does not load the JSON schema (it costs start-up
    /// time); the test suite holds the files to it, and this checks what the code relies on: known keys only, a code
    /// that names the file, the lists a full profile needs.
    /// </summary>
    internal static List<LanguageProfile> Load(IEnumerable<(string Name, string Json)> files)
    {
        var profiles = new List<LanguageProfile>();
        foreach (var (name, json) in files)
        {
            LanguageProfile profile;
            try
            {
                profile = JsonSerializer.Deserialize(json, LanguageJsonContext.Default.LanguageProfile) ?? throw new InvalidDataException($"{name} is empty.");
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{name}: {ex.Message}", ex);
            }
            if (!name.Equals(profile.Code + ".json", StringComparison.Ordinal))
                throw new InvalidDataException($"{name}: its code is '{profile.Code}'; a profile file is named after its code.");
            if (profile.StopWords.IsEmpty)
                throw new InvalidDataException($"{name}: 'stopWords' is empty; detection needs them.");
            if (profile.DomainRules && (profile.Negations.IsEmpty || profile.BackgroundTitles.IsEmpty || profile.GlossaryTitles.IsEmpty || profile.InstitutionNouns.IsEmpty || profile.NameConnectors.IsEmpty))
                throw new InvalidDataException($"{name}: a profile with domainRules needs negations, backgroundTitles, glossaryTitles, institutionNouns and nameConnectors.");
            profiles.Add(profile);
        }
        if (!profiles.Any(p => p.Code == "en" && p.DomainRules))
            throw new InvalidDataException("The language profiles have no full English profile (en.json).");
        return [.. profiles.OrderBy(p => p.Code == "en" ? 0 : 1).ThenBy(p => p.Code, StringComparer.Ordinal)];
    }

    public override string ToString() => Code;
}

/// <summary>A list of single words, compared by a word comparer (folded by default: case and diacritics ignored).</summary>
[JsonConverter(typeof(WordListConverter))]
internal sealed class WordList
{
    public static readonly WordList Empty = new([], FoldedComparer.Instance);

    private readonly HashSet<string> _set;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public WordList(IReadOnlyList<string> words, IEqualityComparer<string> comparer)
    {
        Words = words;
        _set = new HashSet<string>(words, comparer);
        _lookup = _set.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The words as the file lists them.</summary>
    public IReadOnlyList<string> Words { get; }

    public bool IsEmpty => _set.Count == 0;

    public bool Contains(ReadOnlySpan<char> word) => _lookup.Contains(word);
}

/// <summary>
/// Words or phrases of a few words, matched in short texts (section titles) as exact forms: words compare folded
/// (case and diacritics ignored); between them white space, hyphens or apostrophes ("état des lieux", "avant-propos").
/// </summary>
[JsonConverter(typeof(PhraseListConverter))]
internal sealed class PhraseList
{
    public static readonly PhraseList Empty = new([]);

    private readonly Dictionary<string, List<string[]>> _byFirstWord = new(FoldedComparer.Instance);

    public PhraseList(IReadOnlyList<string> phrases)
    {
        Phrases = phrases;
        foreach (var phrase in phrases)
        {
            var tokens = new TextTokens(phrase);
            if (tokens.Count == 0)
                continue;
            var words = Enumerable.Range(0, tokens.Count).Select(t => phrase[tokens.Start(t)..tokens.End(t)]).ToArray();
            (_byFirstWord.TryGetValue(words[0], out var list) ? list : _byFirstWord[words[0]] = []).Add(words);
        }
    }

    /// <summary>The phrases as the file lists them.</summary>
    public IReadOnlyList<string> Phrases { get; }

    public bool IsEmpty => _byFirstWord.Count == 0;

    /// <summary>True when one of the phrases occurs in <paramref name="text"/> as whole words.</summary>
    public bool IsMatch(string text) => MatchAt(text) >= 0;

    /// <summary>True when a phrase starts with <paramref name="first"/> and its next word starts <paramref name="rest"/> after white space ("not" + " only…").</summary>
    public bool StartsWith(ReadOnlySpan<char> first, ReadOnlySpan<char> rest)
    {
        if (!_byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(first, out var phrases))
            return false;
        foreach (var words in phrases)
        {
            // Today's phrases are two words: the second must start what follows ("not only", "no solo").
            if (words.Length == 2 && rest.TrimStart().StartsWith(words[1], StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    private int MatchAt(string text)
    {
        if (IsEmpty || text.Length == 0)
            return -1;
        var tokens = new TextTokens(text);
        var lookup = _byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var t = 0; t < tokens.Count; t++)
        {
            if (!lookup.TryGetValue(text.AsSpan(tokens.Start(t), tokens.End(t) - tokens.Start(t)), out var phrases))
                continue;
            foreach (var words in phrases)
            {
                if (t + words.Length > tokens.Count)
                    continue;
                var matched = true;
                for (var w = 1; w < words.Length && matched; w++)
                {
                    matched = IsJoin(text.AsSpan(tokens.End(t + w - 1), tokens.Start(t + w) - tokens.End(t + w - 1)))
                        && WordChars.FoldedEquals(text.AsSpan(tokens.Start(t + w), tokens.End(t + w) - tokens.Start(t + w)), words[w]);
                }
                if (matched)
                    return t;
            }
        }
        return -1;
    }

    private static bool IsJoin(ReadOnlySpan<char> gap)
    {
        foreach (var c in gap)
        {
            if (!(WordChars.IsSeparator(c) || WordChars.Fold(c) is '\'' or '-' || c == '\u2013'))
                return false;
        }
        return gap.Length > 0;
    }
}

internal sealed class WordListConverter : JsonConverter<WordList>
{
    public override WordList Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(JsonSerializer.Deserialize(ref reader, LanguageJsonContext.Default.ListString) ?? [], FoldedComparer.Instance);

    public override void Write(Utf8JsonWriter writer, WordList value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.Words, LanguageJsonContext.Default.IReadOnlyListString);
}

internal sealed class CaseSensitiveWordListConverter : JsonConverter<WordList>
{
    public override WordList Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(JsonSerializer.Deserialize(ref reader, LanguageJsonContext.Default.ListString) ?? [], AccentInsensitiveComparer.Instance);

    public override void Write(Utf8JsonWriter writer, WordList value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.Words, LanguageJsonContext.Default.IReadOnlyListString);
}

internal sealed class PhraseListConverter : JsonConverter<PhraseList>
{
    public override PhraseList Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(JsonSerializer.Deserialize(ref reader, LanguageJsonContext.Default.ListString) ?? []);

    public override void Write(Utf8JsonWriter writer, PhraseList value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.Phrases, LanguageJsonContext.Default.IReadOnlyListString);
}

/// <summary>Language profiles read with source-generated metadata (no reflection at start-up), unknown keys refused.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(LanguageProfile))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class LanguageJsonContext : JsonSerializerContext;
