using System.Globalization;

namespace StrategyLint.Linting;

/// <summary>
/// A linear scan, before parsing, for paragraphs whose inline markup makes the Markdown parser super-linear.
/// Markdig reads a paragraph's inline markup in one pass, but each unclosed marker costs it work proportional to
/// the rest of the paragraph: for every <c>](</c> it scans ahead for the closing <c>)</c> of a link, and for
/// every unmatched <c>[</c>, <c>*</c> or <c>_</c> it walks back over the open ones. A paragraph of <c>[a](</c>
/// repeated is therefore quadratic (256 KB takes 30 s, a 32 MB draft hours), and so are unclosed <c>[</c>,
/// <c>[a][</c>, <c>a*</c>, <c>*a</c>, <c>a_</c>, and link titles left open over many lines. The parse cannot be
/// interrupted safely, so it is bounded by the input's shape: the cost of a paragraph is estimated as its length
/// times its unclosed markers, and a document whose paragraphs add up to more than <see cref="MaxCost"/> (about
/// a second of parsing) is skipped with SL0005. Ordinary prose has a handful of unclosed markers per paragraph
/// and stays several orders of magnitude below it.
/// </summary>
internal static class InlineMarkupCost
{
    /// <summary>Length × unclosed markers, summed over paragraphs, that a document may reach: about one second of Markdig's time.</summary>
    internal const long MaxCost = 250_000_000;

    /// <summary>The costliest paragraph of a document that is over the limit: its first line, length and unclosed markers, and how many costly paragraphs it has.</summary>
    internal sealed record Finding(int Line, int Length, int Unclosed, int CostlyParagraphs, long Cost)
    {
        /// <summary>The SL0005 sentence, completing "This file …".</summary>
        public string Describe()
        {
            var others = CostlyParagraphs > 1 ? string.Create(CultureInfo.InvariantCulture, $" (and {CostlyParagraphs - 1:N0} more paragraphs like it)") : "";
            return string.Create(CultureInfo.InvariantCulture,
                $"has a paragraph on line {Line} with {Unclosed:N0} unclosed '[', '(', '*' or '_' markers in {Length:N0} characters{others}. The Markdown parser's work on such a paragraph grows with the square of its length, so the file is not parsed. Close or escape the markers (write \\[ or \\*), or split the text into paragraphs with blank lines.");
        }
    }

    /// <summary>Null when the document's inline markup is cheap to parse, else its costliest paragraph.</summary>
    public static Finding? Check(string text, long maxCost = MaxCost)
    {
        long total = 0;
        Finding? worst = null;
        var costly = 0;
        var paragraph = new Paragraph();
        // Front matter is scanned too: telling it apart exactly as Markdig does is not worth the risk of skipping Markdown.
        var i = 0;
        var line = 1;
        var paragraphLine = 1;
        while (i < text.Length)
        {
            var end = text.IndexOfAny(['\n', '\r'], i);
            if (end < 0)
                end = text.Length;
            if (text.AsSpan(i, end - i).IsWhiteSpace())
            {
                Close(ref paragraph);
            }
            else
            {
                if (paragraph.Length == 0)
                    paragraphLine = line;
                paragraph.Scan(text, i, end);
            }
            i = end < text.Length && text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? end + 2 : end + 1;
            line++;
        }
        Close(ref paragraph);
        return total > maxCost ? worst! with { CostlyParagraphs = costly } : null;

        void Close(ref Paragraph p)
        {
            if (p.Length > 0)
            {
                var unclosed = p.Unclosed;
                var cost = (long)p.Length * unclosed;
                total += cost;
                // A paragraph costing more than a millisecond or so is worth naming.
                if (cost > 1_000_000)
                    costly++;
                if (worst is null || cost > worst.Cost)
                    worst = new Finding(paragraphLine, p.Length, unclosed, 0, cost);
            }
            p = new Paragraph();
        }
    }

    /// <summary>The running counts of one paragraph; lines are fed to it in order.</summary>
    private struct Paragraph
    {
        private int _brackets;
        private int _parens;
        private int _openers;
        private int _unmatchedClosers;

        public int Length;

        public readonly int Unclosed => _brackets + _parens + _openers + _unmatchedClosers;

        public void Scan(string text, int start, int end)
        {
            Length += end - start + 1;
            for (var i = start; i < end; i++)
            {
                var c = text[i];
                switch (c)
                {
                    case '\\':
                        i++;
                        break;
                    case '[':
                        _brackets++;
                        break;
                    case ']' when _brackets > 0:
                        _brackets--;
                        break;
                    case '(':
                        _parens++;
                        break;
                    case ')' when _parens > 0:
                        _parens--;
                        break;
                    case '*' or '_':
                        var runEnd = i;
                        while (runEnd < end && text[runEnd] == c)
                            runEnd++;
                        Delimiter(c, i > start ? text[i - 1] : ' ', runEnd < end ? text[runEnd] : ' ');
                        i = runEnd - 1;
                        break;
                }
            }
        }

        // CommonMark's flanking rules, simplified: a run that can only open waits for a closer; one that can only
        // close takes an opener or stays unmatched; one that can do both closes when it can. Unmatched runs are what
        // the parser walks over again and again.
        private void Delimiter(char c, char before, char after)
        {
            var left = !char.IsWhiteSpace(after) && (!char.IsPunctuation(after) || char.IsWhiteSpace(before) || char.IsPunctuation(before));
            var right = !char.IsWhiteSpace(before) && (!char.IsPunctuation(before) || char.IsWhiteSpace(after) || char.IsPunctuation(after));
            var canOpen = c == '*' ? left : left && (!right || char.IsPunctuation(before));
            var canClose = c == '*' ? right : right && (!left || char.IsPunctuation(after));
            if (canClose && _openers > 0)
                _openers--;
            else if (canOpen)
                _openers++;
            else if (canClose)
                _unmatchedClosers++;
        }
    }
}
