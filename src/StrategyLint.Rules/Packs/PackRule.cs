using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using StrategyLint.Analysis;
using StrategyLint.Syntax;
using StrategyLint.Text;

namespace StrategyLint.Packs;

/// <summary>A rule defined by data: one JSON file of a pack, run by the C# code of its kind.</summary>
internal sealed class PackRule : StrategyRule
{
    private readonly ConcurrentDictionary<(string Field, string Language), TermSet> _termSets = new();
    private readonly IReadOnlyCollection<string>? _profiles;

    public PackRule(PackManifest pack, PackRuleDefinition definition, IPackKind kind)
    {
        Pack = pack;
        Definition = definition;
        Kind = kind;
        var severity = definition.Severity.ToLowerInvariant() switch
        {
            "error" => DiagnosticSeverity.Error,
            "info" => DiagnosticSeverity.Info,
            _ => DiagnosticSeverity.Warning,
        };
        var description = definition.Framework is null ? definition.Description : $"{definition.Description} Source: {definition.Framework}.";
        // A house rule has no page on StrategyLint's site: its own helpUri, or none.
        var helpUri = definition.HelpUri ?? (definition.Id.StartsWith("SL", StringComparison.Ordinal) ? null : "");
        Descriptor = RuleDescriptors.Create(definition.Id, definition.Title, "{0}", definition.Category, severity, description, helpUri, [.. definition.Tags]);
        var profiles = definition.Profiles ?? pack.Profiles;
        _profiles = profiles.Count == 0 ? null : profiles;
    }

    public PackManifest Pack { get; }

    /// <summary>The rule's JSON file as messages name it, when the pack was read from a folder; null for a shipped pack.</summary>
    public string? SourcePath { get; init; }

    public PackRuleDefinition Definition { get; }

    public IPackKind Kind { get; }

    public DiagnosticDescriptor Descriptor { get; }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override IReadOnlyCollection<string>? Profiles => _profiles;

    public override CoverageTopic? Coverage => Definition.Coverage is { } label ? new CoverageTopic(Definition.Id, label) : null;

    public override void Initialize(StrategyAnalysisContext context) => Kind.Register(this, context);

    /// <summary>
    /// The language whose vocabulary and fixes a pack rule uses for a document: front matter <c>language</c>, else detected
    /// from the prose. Every pack kind asks here, so where the language comes from is decided in one place.
    /// </summary>
    public static string LanguageOf(StrategyDocument document) => document.Language.Code;

    /// <summary>The rule's fix in the document's language (English when the rule has none in it); null when the rule has no fix.</summary>
    public PackFixText? FixFor(StrategyDocument document) => Definition.Fix?.For(LanguageOf(document));

    /// <summary>A field's terms compiled for the document's language (<see cref="LanguageOf"/>).</summary>
    public TermSet Terms(string field, LocalizedTerms terms, StrategyDocument document)
    {
        var language = LanguageOf(document);
        // A pack from a folder (SourcePath set) is the repository's, so a pull request's: its patterns run on the linear engine.
        return _termSets.GetOrAdd((field, language), _ => new TermSet(terms.For(language), linear: SourcePath is not null));
    }

    /// <summary>
    /// Whether a mention's sentence can count for this rule (<c>sentences</c>). A topic, unlike a clause, also needs the
    /// mention outside an appendage ("including…", "in line with…"): a focus area is covered by what a sentence
    /// commits to, while a clause such as "in accordance with human rights" is honoured by the manner itself.
    /// </summary>
    public bool Accepts(Mention mention, bool topic) => Definition.Sentences switch
    {
        "any" => true,
        "commitments" => mention.Kind == SentenceKind.Commitment && !(topic && mention.InAppendage),
        _ => mention.SetsOut && !(topic && mention.InAppendage),
    };

    /// <summary>"Message. Detail. Framework. To satisfy it: …" as one plain-English finding.</summary>
    public string Compose(string detail)
    {
        var parts = new List<string> { Definition.Message.Trim() };
        if (!string.IsNullOrWhiteSpace(detail))
            parts.Add(detail.Trim());
        if (Definition.Framework is not null)
            parts.Add($"Good practice: {Definition.Framework}.");
        if (Definition.Satisfy is not null)
            parts.Add($"To satisfy this rule, {Definition.Satisfy.Trim()}");
        return string.Join(" ", parts.Select(p => p.EndsWith('.') || p.EndsWith('?') ? p : p + "."));
    }

    public Dictionary<string, string> Evidence(StrategyDocument document, IEnumerable<Mention> mentions, params (string Key, string Value)[] extra)
    {
        var properties = new Dictionary<string, string>
        {
            ["framework"] = Definition.Framework ?? "",
            ["kind"] = Definition.Kind,
        };
        foreach (var (key, value) in extra)
            properties[key] = value;
        var quoted = mentions.Take(3).Select(m => $"line {document.GetLinePositionSpan(m.Span).Start.Line + 1}: {MentionScanner.Quote(document, m.Sentence)}").ToList();
        if (quoted.Count > 0)
            properties["mentions"] = string.Join(" | ", quoted);
        return properties;
    }
}

/// <summary>What a pack rule kind does: registers the actions that check one definition.</summary>
internal interface IPackKind
{
    string Name { get; }

    void Register(PackRule rule, StrategyAnalysisContext context);
}
