using StrategyLint.Analysis;
using StrategyLint.Syntax;
using StrategyLint.Text;

namespace StrategyLint.Packs.Kinds;

/// <summary>
/// require-topic: the document must commit to a topic, either with a section of its own (a heading that
/// matches <c>headings</c>) or with at least <c>minMentions</c> counted mentions of <c>terms</c> outside
/// glossary and background sections. A sentence matching a <c>together</c> entry (a commitment verb with the
/// topic) covers the topic by itself.
/// Reported on the title heading when missing.
/// </summary>
internal sealed class RequireTopicKind : IPackKind
{
    public string Name => "require-topic";

    public void Register(PackRule rule, StrategyAnalysisContext context) => context.RegisterDocumentAction(c =>
    {
        var coverage = Evaluate(rule, c.Document);
        if (coverage.Covered)
            return;
        var detail = coverage.All.Count == 0
            ? "No heading or passage of the draft addresses it."
            : coverage.Counted.Count > 0
                ? $"It is set out in only {coverage.Counted.Count} mention(s), fewer than the {rule.Definition.MinMentions} this rule asks for, and it has no section of its own."
                : coverage.All.Any(m => m.Counts)
                    ? $"It is named {coverage.All.Count} time(s), but never in a sentence that commits to it or sets it out: only in statistics, findings, past events, definitions, examples or asides. It has no section of its own."
                    : $"It is named only in background, glossary or negated passages ({coverage.All.Count} mention(s)), never as a commitment.";
        var evidence = rule.Evidence(c.Document, coverage.Counted.Concat(coverage.All).Distinct(),
            ("searchedHeadings", string.Join(", ", rule.Definition.Headings.For(c.Document.Language.Code))),
            ("searchedTerms", string.Join(", ", rule.Definition.Terms.For(c.Document.Language.Code))));
        // A section scaffolded earlier and not yet written is still missing, but scaffolding it again would add a
        // second copy: the finding then points at that section and offers no fix.
        var fix = rule.FixFor(c.Document);
        var scaffolded = fix is { Heading: { } scaffoldHeading }
            ? c.Document.Sections.FirstOrDefault(s => s.Title.Equals(scaffoldHeading, StringComparison.OrdinalIgnoreCase) && Placeholders.HoldsOnlyPlaceholders(s))
            : null;
        if (scaffolded is not null)
            c.Report(rule.Descriptor, c.Document.AnchorSpan, evidence, rule.Compose(detail + $" The section '{scaffolded.Title}' (line {scaffolded.Position.Start.Line + 1}) holds only a placeholder: write it to cover the topic."));
        else if (fix is { Heading: { } heading })
            c.ReportWithFix(rule.Descriptor, c.Document.AnchorSpan, SectionScaffold.Create(c.Document, heading, fix.Text, PackRule.LanguageOf(c.Document)), evidence, rule.Compose(detail));
        else
            c.Report(rule.Descriptor, c.Document.AnchorSpan, evidence, rule.Compose(detail));
    });

    internal sealed record Coverage(bool Covered, IReadOnlyList<Mention> Headings, IReadOnlyList<Mention> Counted, IReadOnlyList<Mention> All);

    /// <summary>The topic's coverage in the document, computed once per rule and document (SL2010 asks again for every focus area).</summary>
    internal static Coverage Evaluate(PackRule rule, StrategyDocument document) => document.GetOrAddAnalysis(rule, d => Compute(rule, d));

    private static Coverage Compute(PackRule rule, StrategyDocument document)
    {
        var exclude = rule.Terms("exclude", rule.Definition.Exclude, document);
        var headings = MentionScanner.Find(document, rule.Terms("headings", rule.Definition.Headings, document), exclude)
            .Where(m => m.InHeading && !m.Negated && !m.Excluded && !m.InGlossary && !MentionScanner.IsBackground(m.Section))
            .ToList();
        var all = MentionScanner.Find(document, rule.Terms("terms", rule.Definition.Terms, document), exclude, rule.Definition.IgnoreNames)
            .Concat(Acronyms.Mentions(rule, document, exclude))
            .Where(m => !m.InHeading).ToList();
        // What the draft sets out about the topic: counted mentions in sentences that commit or state the strategy's
        // arrangements; statistics, past narrative, definitions, citations and questions never count.
        var notWith = RequireClauseKind.NotWith(rule, document);
        var counted = all.Where(m => m.Counts && rule.Accepts(m, topic: true) && !notWith(m)).ToList();
        // A sentence pairing the topic with what makes it a commitment ("we will develop a cybercrime law") counts by itself.
        var together = rule.Definition.Together.For(Commitments.Language(document))
            .SelectMany(expression => RequireClauseKind.TogetherInOneSentence(rule, document, expression, exclude))
            .Where(m => m.Counts && rule.Accepts(m, topic: true) && !notWith(m))
            .ToList();
        foreach (var mention in together.Where(t => !counted.Any(m => m.Sentence == t.Sentence)))
            counted.Add(mention);
        // minMentions is 1 for every shipped focus area: one sentence that commits to the topic covers it. A pack may ask
        // for more sentences; a sentence pairing the topic with a commitment (together) counts by itself.
        var covered = headings.Count > 0
            || together.Count > 0
            || counted.Count >= Math.Max(1, rule.Definition.MinMentions);
        return new Coverage(covered, headings, counted, all);
    }
}
