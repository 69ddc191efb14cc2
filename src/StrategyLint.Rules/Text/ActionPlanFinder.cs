using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Text;
using StrategyLint.Packs;
using StrategyLint.Syntax;

namespace StrategyLint.Text;

/// <summary>The shape in which a draft sets out its action plan.</summary>
internal enum PlanLayout
{
    /// <summary>No plan found.</summary>
    None,
    /// <summary>A pipe table with an owner or time column.</summary>
    Table,
    /// <summary>A table that lost its pipes in a PDF or Word export: a header line of column names, then rows.</summary>
    FlattenedTable,
    /// <summary>A section titled as a plan, holding owner and time statements.</summary>
    Section,
    /// <summary>Owner and deadline clauses spread through a decree ("The Minister shall, within 60 days, …").</summary>
    Clauses,
    /// <summary>A list whose items read as table rows: an action, an agency and a period each.</summary>
    Rows,
}

/// <summary>What the finder saw of a document's action plan.</summary>
internal sealed record ActionPlan(Section? Section, int Owners, int Timelines, int Funding, bool ReferenceOnly, string Evidence, PlanLayout Layout = PlanLayout.Section)
{
    /// <summary>A set of actions with owners or timelines in this document (ITU lifecycle phase IV).</summary>
    public bool Present => Section is not null && !ReferenceOnly;

    /// <summary>How messages name the plan: its section's title, or what was found when the plan has no section of its own.</summary>
    public string Name => Layout == PlanLayout.Clauses || Section is null || Section.Title.Length == 0 ? Evidence : Section.Title;

    public static readonly ActionPlan None = new(null, 0, 0, 0, false, "", PlanLayout.None);
}

/// <summary>
/// Finds an action or implementation plan in the layouts real drafts have: a pipe table whose columns name owners
/// or times; the residue of such a table after export (a header line of action, owner and time words followed by
/// rows that each name an agency and a period), under any heading; a section titled as a plan (the plan-title
/// families of the frameworks, their plurals, French and Spanish titles) holding enough owner or time statements,
/// where owners may be sentence subjects ("The Government will…") or group headings ("Actions by industry") and
/// one horizon for the whole plan ("Action plan 2025-2029") times every discrete action under it; owner and
/// deadline clauses spread through a decree ("X shall, within six months, …"); and, last, a list whose items read
/// as rows. A plan section that only points to a separate document does not count, and a list counts only when
/// its items pass the row test (statistics and reference lists do not).
/// The words are data: <c>rules/clauses/vocabulary/action-plan.json</c>, per language.
/// </summary>
internal static partial class ActionPlanFinder
{
    /// <summary>Owner or timeline statements a plan section needs to count as a set of actions.</summary>
    public const int MinimumStatements = 3;

    /// <summary>Rows after a header line of column names that make a flattened table.</summary>
    public const int MinimumRows = 2;

    /// <summary>Lines read as rows after one header line (a long table continues under its repeated header).</summary>
    private const int MaximumRowsPerTable = 200;

    /// <summary>Owner-and-deadline clauses that make a decree's plan.</summary>
    public const int MinimumClauses = 2;

    private static readonly object CacheKey = new();

    /// <summary>The document's plan, found once and shared by SL3006 and SL3007.</summary>
    public static ActionPlan Find(StrategyDocument document) => document.GetOrAddAnalysis(CacheKey, Compute);

    private static ActionPlan Compute(StrategyDocument document)
    {
        var words = new PlanWords(document);
        var table = FromTables(document, words) ?? FromFlattenedTables(document, words);
        if (table is not null)
            return table;

        ActionPlan? best = null;
        foreach (var section in document.Sections)
        {
            var title = TitleOf(section.Title, words);
            if (title == PlanTitle.None || (title == PlanTitle.Annex && RowCount(section, words, descendants: true) < MinimumStatements))
                continue;
            if (title == PlanTitle.Generic && (MentionScanner.IsBackground(section) || MentionScanner.IsGlossary(section)))
                continue;
            var plan = Measure(document, section, title, words);
            if (best is null || Score(plan) > Score(best))
                best = plan;
        }
        if (best is { Present: true })
            return best;
        return FromClauses(document, words) ?? FromRows(document, words) ?? best ?? ActionPlan.None;
    }

    private static int Score(ActionPlan plan) => plan.Present ? 1000 + plan.Owners + plan.Timelines : plan.Owners + plan.Timelines;

    private static ActionPlan Measure(StrategyDocument document, Section section, PlanTitle title, PlanWords words)
    {
        var wholeDocument = section.Level == 1 && title == PlanTitle.Specific;
        var prose = wholeDocument ? document.Prose : section.Text;
        var scope = wholeDocument ? document.Root : section;
        var discrete = DiscreteActions(scope);
        var owners = words["ownerStatements"].Matches(prose).Count;
        // Under a plan's own title, owners may be sentence subjects ("The Government will…") or group headings
        // ("Actions by industry"), one per discrete action at most. Under a generic title ("Measures",
        // "Implementation") such sentences are narrative: only explicit owner and time statements count.
        if (title == PlanTitle.Specific || UnderPlanTitle(section, words))
            owners += Math.Min(discrete, ActorSentences(document, scope, words) + GroupHeadings(scope, words));
        var timelines = words["timeStatements"].Matches(prose).Count + YearOrQuarter().Count(prose) + words.Deadlines(prose);
        var funding = words["funding"].Matches(prose).Count;
        // One horizon for the whole plan ("Action plan 2025-2029") is the timeline of every discrete action under it.
        var horizon = title == PlanTitle.Specific && YearOrQuarter().IsMatch(section.Title) && discrete >= MinimumStatements;
        var enough = (owners + timelines >= MinimumStatements && (title != PlanTitle.Generic || discrete >= MinimumStatements)) || horizon;
        var separate = words["separatePlan"].IsMatch(prose);
        var referenceOnly = !enough || (separate && owners + timelines < 2 * MinimumStatements && !horizon);
        return new ActionPlan(section, owners, Math.Max(timelines, horizon ? 1 : 0), funding, referenceOnly, section.Title);
    }

    private static bool UnderPlanTitle(Section section, PlanWords words)
    {
        for (var parent = section.Parent; parent is { Level: >= 1 }; parent = parent.Parent)
        {
            if (words["planTitles"].IsMatch(parent.Title))
                return true;
        }
        return false;
    }

    /// <summary>A pipe table with an owner or timeline column and at least one filled row is an action plan by itself.</summary>
    private static ActionPlan? FromTables(StrategyDocument document, PlanWords words)
    {
        foreach (var table in document.Blocks.Where(b => b.Kind == BlockKind.Table))
        {
            var rows = table.Children.Where(r => r.Kind == BlockKind.TableRow).ToList();
            var header = rows.FirstOrDefault(r => r.IsHeaderRow);
            if (header is null)
                continue;
            var columns = header.Children.Select(c => c.Text.Trim()).ToList();
            var ownerColumn = columns.FindIndex(c => words["ownerColumns"].IsMatch(c));
            var timeColumn = columns.FindIndex(c => words["timeColumns"].IsMatch(c));
            var fundColumn = columns.FindIndex(c => words["funding"].IsMatch(c));
            if (ownerColumn < 0 && timeColumn < 0)
                continue;
            int Filled(int column) => column < 0 ? 0 : rows.Count(r => !r.IsHeaderRow && r.Children.Count > column && r.Children[column].Text.Trim().Length > 0);
            var owners = Filled(ownerColumn);
            var times = Filled(timeColumn);
            if (owners + times == 0)
                continue; // an empty template is not a plan
            return new ActionPlan(table.Section, owners, times, Filled(fundColumn), false, $"table under '{table.Section.Title}'", PlanLayout.Table);
        }
        return null;
    }

    /// <summary>
    /// Table residue: a short line holding column names of at least two of the action, owner and time families
    /// ("Measure Responsible body Period"), followed, before the next heading, by rows that each describe an action
    /// and name an agency (when the header has an owner column) and a period (when it has a time column).
    /// </summary>
    private static ActionPlan? FromFlattenedTables(StrategyDocument document, PlanWords words)
    {
        foreach (var section in document.Sections.Prepend(document.Root))
        {
            var lines = Lines(section).ToList();
            for (var i = 0; i < lines.Count; i++)
            {
                var (action, owner, time) = HeaderFamilies(lines[i], words);
                if ((action ? 1 : 0) + (owner ? 1 : 0) + (time ? 1 : 0) < 2)
                    continue;
                int rows = 0, owners = 0, times = 0, funds = 0;
                // A table's rows run to the next header line; a bound keeps a hostile draft of header-like lines linear.
                for (var j = i + 1; j < lines.Count && j <= i + MaximumRowsPerTable; j++)
                {
                    var next = HeaderFamilies(lines[j], words);
                    if ((next.Action ? 1 : 0) + (next.Owner ? 1 : 0) + (next.Time ? 1 : 0) >= 2)
                        break;
                    var row = Row(lines[j], words);
                    if (!row.Described || (owner && !row.Agency) || (time && !row.Period) || !(row.Agency || row.Period))
                        continue;
                    rows++;
                    owners += row.Agency ? 1 : 0;
                    times += row.Period ? 1 : 0;
                    funds += words["funding"].IsMatch(lines[j]) ? 1 : 0;
                }
                if (rows >= MinimumRows)
                    return new ActionPlan(section, owners, times, funds, false, $"table under '{section.Title}' with the columns '{lines[i]}'", PlanLayout.FlattenedTable);
            }
        }
        return null;
    }

    /// <summary>
    /// A decree's plan: sentences anywhere (outside glossaries) whose subject is an agency and that set a deadline
    /// ("The National Cyber Office shall, within six months, …", "… dans un délai de soixante jours …").
    /// </summary>
    private static ActionPlan? FromClauses(StrategyDocument document, PlanWords words)
    {
        int clauses = 0, funding = 0;
        foreach (var (_, sentence) in SentencesIn(document, document.Root))
        {
            var deadline = words.FirstDeadline(sentence);
            if (deadline < 0 || !words.SubjectIsAgency(sentence, deadline))
                continue;
            clauses++;
            funding += words["funding"].IsMatch(sentence) ? 1 : 0;
        }
        if (clauses < MinimumClauses)
            return null;
        return new ActionPlan(document.TitleSection ?? document.Root, clauses, clauses, funding, false, "the clauses that give an agency a deadline", PlanLayout.Clauses);
    }

    /// <summary>
    /// The row-shape fallback: a list outside background and glossary sections whose items mostly read as table rows
    /// (an action described in words, an agency and a period each; no links, percentages or counts of past events).
    /// </summary>
    private static ActionPlan? FromRows(StrategyDocument document, PlanWords words)
    {
        ActionPlan? best = null;
        foreach (var list in document.Blocks.Where(b => b.Kind == BlockKind.List))
        {
            if (MentionScanner.IsBackground(list.Section) || MentionScanner.IsGlossary(list.Section))
                continue;
            var items = list.Children.Where(c => c.Kind == BlockKind.ListItem).Select(c => StrategyParser.CollapseWhitespace(c.Text)).ToList();
            var rows = items.Select(i => Row(i, words)).Where(r => r.Described && r.Agency && r.Period).ToList();
            if (rows.Count < MinimumStatements || rows.Count * 5 < items.Count * 3)
                continue;
            var funds = items.Count(i => words["funding"].IsMatch(i));
            if (best is null || rows.Count > best.Owners)
                best = new ActionPlan(list.Section, rows.Count, rows.Count, funds, false, $"list of actions under '{list.Section.Title}'", PlanLayout.Rows);
        }
        return best;
    }

    private static int RowCount(Section section, PlanWords words, bool descendants) =>
        (descendants ? section.DescendantsAndSelf() : [section]).SelectMany(Lines).Count(l => Row(l, words) is { Described: true, Agency: true, Period: true });

    /// <summary>The lines a table's residue can sit on: each line of a paragraph, each list item as one line.</summary>
    private static IEnumerable<string> Lines(Section section)
    {
        foreach (var block in section.Blocks)
        {
            if (block.Kind == BlockKind.Paragraph)
            {
                foreach (var line in block.Text.Split('\n'))
                {
                    var text = StrategyParser.CollapseWhitespace(line).Trim();
                    if (text.Length > 0)
                        yield return text;
                }
            }
            else if (block.Kind == BlockKind.List)
            {
                foreach (var item in block.Children.Where(c => c.Kind == BlockKind.ListItem))
                    yield return StrategyParser.CollapseWhitespace(item.Text).Trim();
            }
        }
    }

    private static (bool Action, bool Owner, bool Time) HeaderFamilies(string line, PlanWords words)
    {
        if (line.Length > 160 || line.EndsWith('.') || line.EndsWith(';') || WordCount(line) > 16)
            return default;
        return (words["actionColumns"].IsMatch(line), words["ownerColumns"].IsMatch(line), words["timeColumns"].IsMatch(line));
    }

    private readonly record struct RowShape(bool Described, bool Agency, bool Period);

    /// <summary>
    /// What a line holds as a table row: words describing an action (at least two lower-case words, no link, no
    /// percentage, at most one count), an agency-like token, a period token.
    /// </summary>
    private static RowShape Row(string line, PlanWords words)
    {
        if (line.Contains("http", StringComparison.OrdinalIgnoreCase) || line.Contains('%') || line.Contains("et al", StringComparison.Ordinal))
            return default;
        var lower = 0;
        var counts = 0;
        foreach (Match word in Word().Matches(line))
        {
            if (char.IsLower(word.Value[0]))
                lower++;
            else if (char.IsDigit(word.Value[0]) && word.Value.Length >= 2 && !YearOrQuarter().IsMatch(word.Value))
                counts++;
        }
        return new RowShape(lower >= 2 && counts <= 1, words.HasAgency(line), words.HasPeriod(line));
    }

    /// <summary>Subject-led commitments in a plan section: "The Government will…", "Operators will…", "Le ministère veillera…".</summary>
    private static int ActorSentences(StrategyDocument document, Section scope, PlanWords words) =>
        SentencesIn(document, scope).Count(s => words.ActorCommits(s.Text));

    /// <summary>Subsections that group actions by owner: "Actions by industry", "Mesures pour les opérateurs".</summary>
    private static int GroupHeadings(Section scope, PlanWords words) =>
        scope.DescendantsAndSelf().Skip(1).Count(s => words.IsGroupHeading(s.Title));

    /// <summary>Discrete actions under a plan heading: list items and subsections.</summary>
    private static int DiscreteActions(Section scope) =>
        scope.DescendantsAndSelf().Skip(1).Count()
        + scope.DescendantsAndSelf().SelectMany(s => s.Blocks).Where(b => b.Kind == BlockKind.List).Sum(l => l.Children.Count(c => c.Kind == BlockKind.ListItem));

    /// <summary>The sentences of the paragraphs in a section and its subsections, outside glossaries.</summary>
    private static IEnumerable<(TextSpan Span, string Text)> SentencesIn(StrategyDocument document, Section scope)
    {
        var prose = document.Prose;
        var paragraphs = scope.DescendantsAndSelf().Where(s => !MentionScanner.IsGlossary(s)).SelectMany(s => s.Blocks)
            .SelectMany(b => b.DescendantsAndSelf()).Where(b => b.Kind == BlockKind.Paragraph);
        foreach (var paragraph in paragraphs)
        {
            var start = paragraph.Span.Start;
            foreach (var end in Sentences.Boundaries(prose, paragraph.Span).Append(paragraph.Span.End))
            {
                if (end > start)
                {
                    var span = TextSpan.FromBounds(start, Math.Min(end + 1, paragraph.Span.End));
                    yield return (span, StrategyParser.CollapseWhitespace(prose.Substring(span.Start, span.Length)).Trim());
                }
                start = end + 1;
            }
        }
    }

    private static int WordCount(string text) => Word().Count(text);

    private enum PlanTitle { None, Specific, Generic, Bare, Annex }

    /// <summary>
    /// How a heading names a plan: a plan title anywhere in it ("Implementation timelines 2026-2028"); a generic
    /// family (activities, measures, initiatives…) at its start, after numbering, an annex label or a qualifier
    /// ("Annex 2: Priority measures"); "Implementation" alone; or a bare "Annex", which needs the row-shape test.
    /// </summary>
    private static PlanTitle TitleOf(string title, PlanWords words)
    {
        if (words["planTitles"].IsMatch(title))
            return PlanTitle.Specific;
        var rest = NumberPrefix().Replace(title.Trim(), "");
        var annex = words["annexTitles"].Matches(rest);
        var annexLabel = annex.Count > 0 && annex[0].Start == 0;
        if (annexLabel)
            rest = NumberPrefix().Replace(AnnexLabel().Replace(rest[annex[0].End..], ""), "");
        rest = rest.Trim();
        if (rest.Length == 0)
            return annexLabel ? PlanTitle.Annex : PlanTitle.None;
        var bare = words["bareTitles"].Matches(rest);
        if (bare.Count > 0 && bare[0].Start == 0 && bare[0].End >= rest.TrimEnd('.', ':').Length)
            return PlanTitle.Bare;
        for (var qualifiers = 0; qualifiers < 3; qualifiers++)
        {
            var qualifier = words["titleQualifiers"].Matches(rest);
            if (qualifier.Count == 0 || qualifier[0].Start != 0)
                break;
            rest = rest[qualifier[0].End..].TrimStart();
        }
        var generic = words["actionListTitles"].Matches(rest);
        return generic.Count > 0 && generic[0].Start == 0 ? PlanTitle.Generic : annexLabel ? PlanTitle.Annex : PlanTitle.None;
    }

    /// <summary>Years, quarters and halves: 2026, Q3, H1.</summary>
    [GeneratedRegex(@"\b((19|20)\d{2}|[Qq][1-4]|H[12])\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    internal static partial Regex YearOrQuarter();

    [GeneratedRegex(@"\w+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Word();

    // "3.", "2.1", "IV.", "A)" before a title.
    [GeneratedRegex(@"^\s*(([0-9]+(\.[0-9]+)*|[IVXLivxl]+|[A-Za-z])[.):]\s+|[0-9]+(\.[0-9]+)*\s+)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NumberPrefix();

    // What follows "Annex": its number or letter, then a separator ("Annex 2: ", "Appendix B - ", "Annexe I. ").
    [GeneratedRegex(@"^\s*[A-Za-z0-9]{0,4}(\.[0-9]+)*\s*([:.\-–—]\s*|$)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AnnexLabel();

    /// <summary>The action-plan vocabulary in a draft's language, with the tests built on it.</summary>
    private sealed class PlanWords
    {
        private static readonly Vocabulary Data = Vocabulary.Get("clauses", "action-plan");
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (Regex Within, Regex By)> Deadline = new(StringComparer.Ordinal);
        private readonly string _language;

        public PlanWords(StrategyDocument document) => _language = Vocabulary.LanguageOf(document);

        public TermSet this[string list] => Data.Terms(list, _language);

        /// <summary>"within six months", "dans un délai de soixante jours", "en un plazo de seis meses", "by June 2027".</summary>
        public int Deadlines(string text) => Patterns.Within.Count(text) + Patterns.By.Count(text);

        /// <summary>Where the first deadline phrase starts, or -1.</summary>
        public int FirstDeadline(string text)
        {
            var within = Patterns.Within.Match(text);
            var by = Patterns.By.Match(text);
            return within.Success && (!by.Success || within.Index <= by.Index) ? within.Index : by.Success ? by.Index : -1;
        }

        private (Regex Within, Regex By) Patterns => Deadline.GetOrAdd(_language, _ =>
        {
            var number = $@"(\d+|{Alternation("numberWords")})(\s*\(\d+\))?";
            var unit = Alternation("timeUnits");
            var within = $@"\b({Alternation("withinLeads")})\s+(the\s+|a\s+)?{number}\s+({unit})\b";
            var month = Alternation("months");
            var by = $@"\b({Alternation("deadlineLeads")})\s+((the\s+)?end\s+of\s+)?(\d{{1,2}}(st|nd|rd|th|er)?\s+)?(({month})\s+((de\s+|del\s+)?(19|20)\d{{2}})?|(19|20)\d{{2}})\b";
            const RegexOptions options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.NonBacktracking;
            return (new Regex(within, options, TimeSpan.FromSeconds(1)), new Regex(by, options, TimeSpan.FromSeconds(1)));
        });

        private string Alternation(string list)
        {
            var parts = Data.Words(list, _language).OrderByDescending(w => w.Length)
                .Select(w => string.Join(@"[\s\-]+", w.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Select(p => Regex.Escape(p).Replace("'", "['’]").Replace("’", "['’]"))));
            return string.Join("|", parts);
        }

        /// <summary>An agency-like token: a body's noun (ministry, agence, organismo…) or an acronym (NCO, CERT.tg, MoICT).</summary>
        public bool HasAgency(string text) => this["agencyNouns"].IsMatch(text) || HasAcronym(text, 0, text.Length);

        /// <summary>A period token: a year, a quarter, a month, "short term", "court terme", "corto plazo"…</summary>
        public bool HasPeriod(string text) => YearOrQuarter().IsMatch(text) || this["periodTerms"].IsMatch(text) || this["months"].IsMatch(text) || Deadlines(text) > 0;

        /// <summary>An agency is the subject: named within the sentence's first eight words, before <paramref name="before"/>.</summary>
        public bool SubjectIsAgency(string sentence, int before)
        {
            var limit = Math.Min(before, EndOfWord(sentence, 8));
            var noun = this["agencyNouns"].Matches(sentence).FirstOrDefault();
            return (noun.Length > 0 && noun.Start < limit) || HasAcronym(sentence, 0, limit);
        }

        /// <summary>An actor is the subject of a commitment: "The Government will…", "Telecom operators will…".</summary>
        public bool ActorCommits(string sentence)
        {
            var subjectEnd = EndOfWord(sentence, 6);
            var noun = this["agencyNouns"].Matches(sentence).FirstOrDefault();
            var subject = noun.Length > 0 && noun.Start < subjectEnd ? noun.End : AcronymEnd(sentence, subjectEnd);
            if (subject < 0)
                return false;
            var verb = this["commitmentVerbs"].Matches(sentence[subject..]).FirstOrDefault();
            return verb.Length > 0 && subject + verb.Start < EndOfWord(sentence, 14);
        }

        /// <summary>"Actions by industry", "Measures for operators", "Actions du Gouvernement", "Medidas para los operadores".</summary>
        public bool IsGroupHeading(string title)
        {
            var rest = NumberPrefix().Replace(title.Trim(), "");
            var family = this["actionListTitles"].Matches(rest).FirstOrDefault();
            if (family.Length == 0 || family.Start != 0)
                return false;
            var after = rest[family.End..];
            var link = this["groupLinks"].Matches(after).FirstOrDefault();
            return link.Length > 0 && after[..link.Start].Trim().Length == 0 && after[link.End..].Trim().Length > 0;
        }

        private static int EndOfWord(string text, int words)
        {
            var matches = Word().Matches(text);
            return matches.Count <= words ? text.Length : matches[words - 1].Index + matches[words - 1].Length;
        }

        private static bool HasAcronym(string text, int start, int end) => Word().Matches(text).Any(m => m.Index >= start && m.Index < end && IsAcronym(m.Value));

        private static int AcronymEnd(string text, int limit)
        {
            foreach (Match word in Word().Matches(text))
            {
                if (word.Index >= limit)
                    break;
                if (IsAcronym(word.Value))
                    return word.Index + word.Length;
            }
            return -1;
        }

        // NCO, MDA, CERT, MoICT, ANCy: two or more capitals, mostly capitals, not a Roman numeral or a quarter.
        private static bool IsAcronym(string word)
        {
            if (word.Length is < 2 or > 10 || RomanOrPeriod().IsMatch(word))
                return false;
            int upper = 0, letters = 0;
            foreach (var c in word)
            {
                if (char.IsLetter(c))
                {
                    letters++;
                    if (char.IsUpper(c))
                        upper++;
                }
            }
            return upper >= 2 && upper * 2 >= letters;
        }
    }

    [GeneratedRegex(@"^([IVXLC]+|[QH][1-4]|[A-Z]?[0-9]+)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RomanOrPeriod();
}
