using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using StrategyLint.Analysis;
using StrategyLint.Syntax;

namespace StrategyLint.Rules.Structure;

/// <summary>Two sections under the same parent have the same heading.</summary>
internal sealed partial class SL1004DuplicateSiblingHeading : StrategyRule
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        id: "SL1004",
        title: "Two sibling sections have the same heading",
        messageFormat: "The heading '{0}' repeats the heading of a sibling section on line {1}. Two sections with one name under the same parent confuse readers and cross-references. Rename one so it says what is different, or merge the two.",
        category: RuleCategories.Structure,
        defaultSeverity: DiagnosticSeverity.Warning,
        description: "Sibling headings are compared without case, spacing, trailing punctuation or leading numbers, so '2. Objectives' repeats '1. Objectives'. The same heading under different parents (an 'Objectives' in each chapter) is fine.",
        tags: ["headings", "outline"]);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(StrategyAnalysisContext context) => context.RegisterDocumentAction(Analyze);

    private static void Analyze(DocumentAnalysisContext context)
    {
        foreach (var parent in context.Document.Root.DescendantsAndSelf())
        {
            var seen = new Dictionary<string, Section>(StringComparer.Ordinal);
            foreach (var child in parent.Subsections)
            {
                var key = Normalize(child.Title);
                if (key.Length == 0)
                    continue;
                if (seen.TryGetValue(key, out var first))
                    context.Report(Rule, child.Heading!, child.Title, first.Position.Start.Line + 1);
                else
                    seen.Add(key, child);
            }
        }
    }

    internal static string Normalize(string title)
    {
        var withoutNumber = LeadingNumber().Replace(title, string.Empty);
        return StrategyParser.CollapseWhitespace(withoutNumber).TrimEnd(':', '.', ' ').ToLowerInvariant();
    }

    // "1.", "2.3", "4)", "A." and "IV." section numbers.
    [GeneratedRegex(@"^\s*(?:\d+(?:\.\d+)*[.)]?|[A-Z][.)]|[IVXLC]+[.)])\s+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LeadingNumber();
}
