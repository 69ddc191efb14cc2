// A C# rule for StrategyLint: every row of an action-plan table gives a year in its timeline column.
// Run it with: strategylint --config samples/csharp-rule/strategylint.json samples/draft.md
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using StrategyLint.Analysis;
using StrategyLint.Syntax;

namespace HouseRules;

public sealed class ActionYearRule : StrategyRule
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        id: "house.ActionYear",
        title: "An action has no year",
        messageFormat: "The action '{0}' has no year in its timeline ('{1}'). Cabinet tracks delivery by year, so an action without one cannot be followed up. Give the year the action is due, such as 2028.",
        category: RuleCategories.Custom,
        defaultSeverity: DiagnosticSeverity.Warning,
        description: "Every action of an action-plan table must state the year it is due in its timeline column.",
        helpUri: "https://example.org/house-rules/action-year");

    private static readonly Regex Year = new(@"\b20[0-9]{2}\b", RegexOptions.None, TimeSpan.FromSeconds(1));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(StrategyAnalysisContext context) =>
        context.RegisterBlockAction(CheckTable, BlockKind.Table);

    private static void CheckTable(BlockAnalysisContext context)
    {
        var rows = context.Block.Children.Where(b => b.Kind == BlockKind.TableRow).ToList();
        if (rows.Count < 2)
            return;
        var header = rows[0].Children.Select(c => c.Text.Trim()).ToList();
        var timeline = header.FindIndex(h => h.Contains("timeline", StringComparison.OrdinalIgnoreCase) || h.Contains("deadline", StringComparison.OrdinalIgnoreCase));
        if (timeline < 0)
            return;
        foreach (var row in rows.Skip(1))
        {
            var cells = row.Children;
            if (timeline >= cells.Count)
                continue;
            var cell = cells[timeline];
            if (!Year.IsMatch(cell.Text))
                context.Report(Rule, cell.Span, cells[0].Text.Trim(), cell.Text.Trim());
        }
    }
}
