using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using StrategyLint.Syntax;
using StrategyLint.Text;

namespace StrategyLint.Packs;

/// <summary>
/// Named word lists per language that a built-in C# rule reads: plan titles, owner and time words, number words,
/// obligation verbs. They are data in <c>rules/&lt;pack&gt;/vocabulary/&lt;name&gt;.json</c> (schema
/// <c>docs/vocabulary.schema.json</c>), not code, so a language is added by editing JSON. The pack loaders only read a
/// pack folder's own files, so a vocabulary folder inside it is never taken for a rule.
/// </summary>
internal sealed class Vocabulary
{
    private const string ResourcePrefix = "rules/";
    private static readonly ConcurrentDictionary<string, Vocabulary> Loaded = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string List, string Language), TermSet> _termSets = new();

    private Vocabulary(VocabularyFile file) => File = file;

    /// <summary>The file as read.</summary>
    public VocabularyFile File { get; }

    /// <summary>The shipped vocabulary of a pack, e.g. <c>Get("clauses", "action-plan")</c>, read once per process.</summary>
    public static Vocabulary Get(string pack, string name) => Loaded.GetOrAdd($"{pack}/vocabulary/{name}.json", Read);

    /// <summary>
    /// The language a draft's vocabulary is chosen by. Every C# rule reading a vocabulary asks here, so the source of
    /// the language (front matter today; a detected language later) changes in one line.
    /// </summary>
    public static string LanguageOf(StrategyDocument document) => Normalise(document.Language.Code);

    private static string Normalise(string? language) =>
        string.IsNullOrWhiteSpace(language) ? "en" : language.Split('-', '_')[0].Trim().ToLowerInvariant();

    /// <summary>A list's terms for a language (English when the list has none for it).</summary>
    public IReadOnlyList<string> Words(string list, string language) =>
        File.Lists.TryGetValue(list, out var terms) ? terms.For(language) : throw new KeyNotFoundException($"The vocabulary '{File.Name}' has no list '{list}'.");

    /// <summary>A list compiled for a language, once per process.</summary>
    public TermSet Terms(string list, string language) =>
        _termSets.GetOrAdd((list, language), key => new TermSet(Words(key.List, key.Language), linear: false));

    /// <summary>A list compiled for a draft's language.</summary>
    public TermSet Terms(string list, StrategyDocument document) => Terms(list, LanguageOf(document));

    private static Vocabulary Read(string resource)
    {
        var assembly = typeof(Vocabulary).Assembly;
        using var stream = assembly.GetManifestResourceStream(ResourcePrefix + resource)
            ?? throw new InvalidDataException($"The built-in vocabulary '{resource}' is missing from the build.");
        return new Vocabulary(Parse(resource, stream));
    }

    /// <summary>Reads a vocabulary file (tests read the files on disk through this too).</summary>
    internal static VocabularyFile Parse(string name, Stream json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, VocabularyJsonContext.Default.VocabularyFile) ?? throw new InvalidDataException($"{name} is empty.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{name}: {ex.Message}", ex);
        }
    }
}

/// <summary>A vocabulary file: its name, what it is for, the rules that read it, and its lists.</summary>
internal sealed class VocabularyFile
{
    [JsonPropertyName("$schema")] public string? Schema { get; set; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public List<string> UsedBy { get; set; } = [];
    public Dictionary<string, LocalizedTerms> Lists { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>Vocabulary JSON read with source-generated metadata, as the packs are.</summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(VocabularyFile))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(Dictionary<string, List<string>>))]
internal sealed partial class VocabularyJsonContext : JsonSerializerContext;
