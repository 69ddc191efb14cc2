using System.Text.RegularExpressions;
using StrategyLint.Syntax;

namespace StrategyLint.Text;

/// <summary>What the finder saw of a document's action plan.</summary>
internal sealed record ActionPlan(Section? Section, int Owners, int Timelines, int Funding, bool ReferenceOnly, string Evidence)
{
    /// <summary>A set of actions with owners or timelines in this document (ITU lifecycle phase IV).</summary>
    public bool Present => Section is not null && !ReferenceOnly;
}

/// <summary>
/// Finds an action or implementation plan: a section titled as one (or a document titled as one), or a pipe
/// table whose columns name owners or timelines, holding enough owner or timeline statements to be a set of
/// actions. A plan section that only points to a separate document does not count.
/// </summary>
internal static partial class ActionPlanFinder
{
    /// <summary>Owner or timeline statements a plan section needs to count as a set of actions.</summary>
    public const int MinimumStatements = 3;

    public static ActionPlan Find(StrategyDocument document)
    {
        var table = FromTables(document);
        if (table is not null)
            return table;

        ActionPlan? best = null;
        var candidates = document.Sections.Where(s => PlanTitle().IsMatch(s.Title) || BareImplementation().IsMatch(s.Title)).ToList();
        foreach (var section in candidates)
        {
            var plan = Measure(document, section, section.Level == 1);
            if (best is null || Score(plan) > Score(best))
                best = plan;
        }
        return best ?? new ActionPlan(null, 0, 0, 0, false, "");
    }

    private static int Score(ActionPlan plan) => plan.Present ? 1000 + plan.Owners + plan.Timelines : plan.Owners + plan.Timelines;

    private static ActionPlan Measure(StrategyDocument document, Section section, bool wholeDocument)
    {
        var prose = wholeDocument ? document.Prose : section.Text;
        var owners = Owner().Matches(prose).Count;
        var timelines = Timeline().Matches(prose).Count;
        var funding = Funding().Matches(prose).Count;
        var referenceOnly = owners + timelines < MinimumStatements || (SeparatePlan().IsMatch(prose) && owners + timelines < 2 * MinimumStatements);
        return new ActionPlan(section, owners, timelines, funding, referenceOnly, section.Title);
    }

    /// <summary>A pipe table with an owner or timeline column and at least one filled row is an action plan by itself.</summary>
    private static ActionPlan? FromTables(StrategyDocument document)
    {
        foreach (var table in document.Blocks.Where(b => b.Kind == BlockKind.Table))
        {
            var rows = table.Children.Where(r => r.Kind == BlockKind.TableRow).ToList();
            var header = rows.FirstOrDefault(r => r.IsHeaderRow);
            if (header is null)
                continue;
            var columns = header.Children.Select(c => c.Text.Trim()).ToList();
            var ownerColumn = columns.FindIndex(c => OwnerColumn().IsMatch(c));
            var timeColumn = columns.FindIndex(c => TimeColumn().IsMatch(c));
            var fundColumn = columns.FindIndex(c => Funding().IsMatch(c));
            if (ownerColumn < 0 && timeColumn < 0)
                continue;
            int Filled(int column) => column < 0 ? 0 : rows.Count(r => !r.IsHeaderRow && r.Children.Count > column && r.Children[column].Text.Trim().Length > 0);
            var owners = Filled(ownerColumn);
            var times = Filled(timeColumn);
            if (owners + times == 0)
                continue; // an empty template is not a plan
            return new ActionPlan(table.Section, owners, times, Filled(fundColumn), false, $"table under '{table.Section.Title}'");
        }
        return null;
    }

    [GeneratedRegex(@"\b(action plan|implementation plan|plan of action|implementation (matrix|schedule|timeline|timetable|cost|costs|arrangements|framework)|road ?map|work ?plan|actions and timelines|plan d'action|plan de acci[oó]n)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PlanTitle();

    // "Implementation" alone, or after an annex label: "Annex A: Implementation".
    [GeneratedRegex(@"^\s*((annex|appendix)\s+\w+\s*[:.\-–]\s*)?(\d+(\.\d+)*\.?\s*)?implementation\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BareImplementation();

    [GeneratedRegex(@"\b(responsib\w*|lead (agency|agencies|ministry|department|organi[sz]ation|entity|body)|government lead|owner|implementing (agency|agencies|body|bodies|entity|entities|partner)|supporting agenc\w*|accountable (body|agency|for))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Owner();

    [GeneratedRegex(@"\b((19|20)\d{2}|q[1-4]|by (january|february|march|april|may|june|july|august|september|october|november|december|the end of)|time ?line|time ?frame|deadline|time bound|start date|end date|short[- ]term|medium[- ]term|long[- ]term|within \d+ (days|weeks|months|years))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Timeline();

    [GeneratedRegex(@"\b(budget\w*|cost\w*|fund\w*|financ\w*|resourc\w*|\$|usd|eur|gbp|million)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Funding();

    [GeneratedRegex(@"\b(separate(ly)?|will be (published|developed|prepared|set out|issued)|is set out in|are set out in|incorporated into|accompanying|companion document|master plan)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SeparatePlan();

    [GeneratedRegex(@"\b(lead|responsib\w*|owner|agency|agencies|ministry|who|implementing)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex OwnerColumn();

    [GeneratedRegex(@"\b(time ?line|time ?frame|deadline|date|dates|when|by when|year|schedule|period|due)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TimeColumn();
}
