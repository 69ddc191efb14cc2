using System.Text.Json;
using System.Text.Json.Serialization;

namespace StrategyLint.Text;

/// <summary>
/// rules/languages/commitments/LANG.json: the words that make a sentence a commitment in one language
/// (docs/commitment-vocabulary.schema.json). Shipped as data so a language is added without code.
/// </summary>
internal sealed class CommitmentVocabulary
{
    [JsonPropertyName("$schema")] public string? Schema { get; set; }
    public string Language { get; set; } = "";
    /// <summary>Words that make a sentence a commitment on their own: "will", "shall", "doit", "deberá".</summary>
    public List<string> Modals { get; set; } = [];
    /// <summary>Phrases that state an aim or a duty: "aims to", "is to", "s'engage à", "tiene como objetivo". "*" stands for any one word.</summary>
    public List<string> Phrases { get; set; } = [];
    /// <summary>Endings of future-tense verbs ("-era", "-ront"; "-ará", "-arán"), for languages that mark the future on the verb.</summary>
    public List<string> FutureEndings { get; set; } = [];
    /// <summary>Words with a future ending that are not verbs ("extra", "para").</summary>
    public List<string> NotFuture { get; set; } = [];
    /// <summary>Verbs that open a goal item in their base form: "Establish", "Develop".</summary>
    public List<string> GoalVerbs { get; set; } = [];
    /// <summary>Infinitive endings of goal items in languages that mark them ("-er", "-ir"; "-ar").</summary>
    public List<string> InfinitiveEndings { get; set; } = [];
    /// <summary>Words with an infinitive ending that are not verbs ("centre", "premier", "mujer").</summary>
    public List<string> NotInfinitive { get; set; } = [];
    /// <summary>Phrases that make a sentence a definition: "means", "is defined as", "on entend par".</summary>
    public List<string> Definitions { get; set; } = [];

    /// <summary>Words and phrases of past narrative ("was", "has been", "a été", "fue"): such a sentence, without a cue, tells history.</summary>
    public List<string> Past { get; set; } = [];

    /// <summary>Phrases that report a finding ("the survey shows", "according to the study"): evidence about the situation, never a commitment.</summary>
    public List<string> Findings { get; set; } = [];

    /// <summary>Markers of an appendage to a clause (examples, manner): "including", "such as", "in line with". A focus area named only there is not what the sentence commits to.</summary>
    public List<string> Appendages { get; set; } = [];

    private const string ResourcePrefix = "rules/languages/commitments/";

    /// <summary>The shipped vocabulary for a language, or an empty one (no commitment can then be recognised by words).</summary>
    public static CommitmentVocabulary For(string language)
    {
        var assembly = typeof(CommitmentVocabulary).Assembly;
        // Resource names carry the build machine's separator in their folder part.
        var name = assembly.GetManifestResourceNames().FirstOrDefault(n => n.Replace('\\', '/') == ResourcePrefix + language + ".json");
        using var stream = name is null ? null : assembly.GetManifestResourceStream(name);
        if (stream is null)
            return new CommitmentVocabulary { Language = language };
        return JsonSerializer.Deserialize(stream, CommitmentJsonContext.Default.CommitmentVocabulary) ?? new CommitmentVocabulary { Language = language };
    }

    /// <summary>The languages with a shipped vocabulary.</summary>
    public static IEnumerable<string> Languages() => typeof(CommitmentVocabulary).Assembly.GetManifestResourceNames()
        .Select(n => n.Replace('\\', '/'))
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..^".json".Length]);
}

[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(CommitmentVocabulary))]
internal sealed partial class CommitmentJsonContext : JsonSerializerContext;
