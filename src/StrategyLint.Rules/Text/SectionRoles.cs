using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Text;
using StrategyLint.Syntax;

namespace StrategyLint.Text;

/// <summary>What a section is for, as far as coverage is concerned.</summary>
internal enum SectionRole
{
    /// <summary>The body of the strategy: what it sets out.</summary>
    Body,
    /// <summary>Context: introduction, threat landscape, history, statistics. A strategy commits to nothing there.</summary>
    Background,
    /// <summary>Definitions, abbreviations, references.</summary>
    Glossary,
    /// <summary>A numbered goal, objective, pillar or action ("Objective 2: …", "Axe 3 : …", "Eje 1"): never background.</summary>
    Goal,
}

/// <summary>
/// Section roles inferred from the title and from what the section says. A background title ("Threats",
/// "Context", "Challenges") makes a section background only when its own prose does not read as commitments: a
/// section whose sentences mostly commit ("The Agency will…") is part of the strategy whatever it is called, and a
/// numbered goal, objective, pillar or action heading is never background. Roles are inherited: a subsection of
/// background is background unless its own title or content says otherwise.
/// </summary>
internal static partial class SectionRoles
{
    /// <summary>Share of a section's own sentences that must be commitments for a background title to be overruled.</summary>
    private const double CommitmentShare = 0.4;

    public static SectionRole Of(Section section)
    {
        var roles = section.Document.GetOrAddAnalysis(typeof(SectionRoles), _ => new Dictionary<Section, SectionRole>(ReferenceEqualityComparer.Instance));
        if (roles.TryGetValue(section, out var role))
            return role;
        role = Compute(section);
        roles[section] = role;
        return role;
    }

    public static bool IsBackground(Section section) => Of(section) == SectionRole.Background;

    public static bool IsGlossary(Section section) => Of(section) == SectionRole.Glossary;

    private static SectionRole Compute(Section section)
    {
        if (section.Level < 2 || section.IsRoot)
            return SectionRole.Body;
        var title = section.Title;
        if (MentionScanner.GlossaryTitleMatches(section))
            return SectionRole.Glossary;
        var parent = section.Parent is { } p ? Of(p) : SectionRole.Body;
        if (parent == SectionRole.Glossary)
            return SectionRole.Glossary;
        if (GoalTitle().IsMatch(title))
            return SectionRole.Goal;
        var backgroundTitle = MentionScanner.BackgroundTitleMatches(section);
        if (!backgroundTitle && parent != SectionRole.Background)
            return parent == SectionRole.Goal ? SectionRole.Goal : SectionRole.Body;
        // A background title, or a subsection of background: background unless its own prose commits.
        return Commits(section) ? SectionRole.Body : SectionRole.Background;
    }

    /// <summary>True when at least two of the section's own sentences, and a good share of them, are commitments.</summary>
    private static bool Commits(Section section)
    {
        var document = section.Document;
        var prose = document.Prose;
        int sentences = 0, commitments = 0;
        foreach (var block in section.Blocks)
        {
            if (block.Kind is not (BlockKind.Paragraph or BlockKind.TableCell))
                continue;
            var start = block.Span.Start;
            foreach (var boundary in Sentences.Boundaries(prose, block.Span).Append(block.Span.End - 1))
            {
                var span = TextSpan.FromBounds(start, Math.Min(block.Span.End, boundary + 1));
                start = boundary + 1;
                var text = prose.AsSpan(span.Start, span.Length);
                if (text.Trim().Length < 12)
                    continue;
                var trimmed = span.Start + (text.Length - text.TrimStart().Length);
                sentences++;
                if (Commitments.IsCommitment(document, TextSpan.FromBounds(trimmed, span.End), block))
                    commitments++;
                if (sentences >= 60)
                    break;
            }
            if (sentences >= 60)
                break;
        }
        return commitments >= 2 && commitments >= CommitmentShare * sentences;
    }

    // "Objective 2: …", "Goal 3 –", "Pillar IV", "Strategic objective 1", "2.1 Action 4", "Axe 3 :", "Eje 1", "Objectif 2",
    // "Objetivo específico 3", "Line of action 2", "Priority area 1", "Measure 5".
    [GeneratedRegex(@"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:(?:strategic|specific|general|key|priority|main|sub)[\s-]+)?(?:goal|objective|aim|action|pillar|priority|measure|axis|axe|eje|objectif|objetivo|orientation|line of action|action line|ligne d['’]action|l[ií]nea(?: de acci[oó]n| estrat[eé]gica)?|strand|workstream|initiative|target|meta|mesure|medida|acci[oó]n|pilier|area|domaine|[aá]mbito)s?(?:\s+(?:strat[eé]gi(?:que|co|ca)|sp[eé]cifique|espec[ií]fic[oa]|general|g[eé]n[eé]ral|area)s?)?(?:\s+|\s*n[°o.º]\s*)(?:\d+|(?-i:[IVXLC]+|[A-Z]))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex GoalTitle();
}
