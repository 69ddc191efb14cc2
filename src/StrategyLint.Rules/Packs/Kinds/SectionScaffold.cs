using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Text;
using StrategyLint.Analysis;
using StrategyLint.Syntax;

namespace StrategyLint.Packs.Kinds;

/// <summary>
/// The fix for a missing topic: a new section with the pack's heading and a "To be drafted" prompt saying what good
/// practice expects. It goes at the level of the title's sections, before the back matter (annexes, glossary,
/// references), or at the end. The prompt is a placeholder, so SL1003 keeps reporting the section until someone
/// writes it: the fix gives the draft its shape, not its content.
/// </summary>
internal static partial class SectionScaffold
{
    /// <summary>The words a placeholder paragraph starts with (SL1003 treats a section holding only one as empty).</summary>
    public const string Placeholder = "To be drafted:";

    /// <summary>
    /// The placeholder in the draft's language, so a French or Spanish draft is not scaffolded with English words;
    /// <see cref="Placeholders"/> recognises each of them, so none of them ever counts as content.
    /// </summary>
    private static readonly Dictionary<string, string> LocalizedPlaceholders = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = Placeholder,
        ["fr"] = "À rédiger :",
        ["es"] = "Por redactar:",
    };

    /// <summary>The placeholder words for a language (English for a language without its own).</summary>
    public static string PlaceholderFor(string? language) =>
        LocalizedPlaceholders.TryGetValue(string.IsNullOrWhiteSpace(language) ? "en" : language.Split('-', '_')[0], out var words) ? words : Placeholder;

    public static StrategyFix Create(StrategyDocument document, string heading, string prompt, string? language = null)
    {
        var level = document.TitleSection is { } title ? title.Level + 1 : document.Sections.Count > 0 ? document.Sections.Min(s => s.Level) : 2;
        var top = document.Sections.Where(s => s.Level == level && (document.TitleSection is null || s.Parent == document.TitleSection)).ToList();
        var before = top.FirstOrDefault(s => BackMatter().IsMatch(s.Title));
        var section = $"{new string('#', Math.Clamp(level, 1, 6))} {heading}\n\n_{PlaceholderFor(language)}_ {prompt.Trim()}\n";

        TextChange change;
        if (before?.Heading is { } backMatter)
        {
            change = new TextChange(new TextSpan(backMatter.Span.Start, 0), section + "\n");
        }
        else
        {
            var text = document.Text;
            var separator = text.Length == 0 ? "" : text.EndsWith('\n') ? (text.EndsWith("\n\n", StringComparison.Ordinal) || text.EndsWith("\r\n\r\n", StringComparison.Ordinal) ? "" : "\n") : "\n\n";
            change = new TextChange(new TextSpan(text.Length, 0), separator + section);
        }
        return new StrategyFix($"Add a section '{heading}'", [change]);
    }

    [GeneratedRegex(@"^\s*(annex|annexes|appendix|appendices|glossary|references|bibliography|abbreviations|acronyms|definitions|sources|annexe|annexes|glossaire|références|bibliographie|abréviations|acronymes|sigles|définitions|anexo|anexos|apéndice|apéndices|glosario|referencias|bibliografía|abreviaturas|acrónimos|siglas|definiciones|fuentes)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BackMatter();
}
