namespace StrategyLint.Syntax;

/// <summary>
/// The language a document is read in, where that came from and why: the front matter's <c>language</c>, else
/// detection from the prose, else English by default (too little text, or no language clearly ahead).
/// </summary>
/// <param name="Code">The language code, lower case ("en", "fr", "de"): the key of the packs' per-language terms.</param>
/// <param name="Source"><see cref="FromFrontMatter"/>, <see cref="FromDetection"/> or <see cref="FromDefault"/>.</param>
/// <param name="Reason">Why, in a plain sentence fragment ("the front matter says 'language: fr-FR'").</param>
public sealed record DocumentLanguage(string Code, string Source, string Reason)
{
    /// <summary>The front matter's <c>language</c> key named it.</summary>
    public const string FromFrontMatter = "front-matter";

    /// <summary>The prose's frequent words named it.</summary>
    public const string FromDetection = "detection";

    /// <summary>Nothing named it clearly: English, the default.</summary>
    public const string FromDefault = "default";

    /// <summary>The language's English name ("French"), or the code when StrategyLint has no profile for it.</summary>
    public string Name { get; init; } = Code;

    /// <summary>True when the domain rules (focus areas, clauses, action plan, technical assistance, principles) have vocabulary for the language.</summary>
    public bool HasDomainVocabulary { get; init; }

    /// <summary>Detection: how many of the words read are frequent words of each language (by code); empty when not detected.</summary>
    public IReadOnlyDictionary<string, int> Scores { get; init; } = new Dictionary<string, int>();

    /// <summary>Detection: the words read (at most the first 20,000 of the prose); 0 when not detected.</summary>
    public int WordsRead { get; init; }

    /// <summary>"fr (French): detected from the text: …", as verbose output shows it.</summary>
    public override string ToString() => $"{Code} ({Name}): {Reason}";
}
