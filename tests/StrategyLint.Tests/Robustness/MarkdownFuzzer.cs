using System.Text;

namespace StrategyLint.Tests.Robustness;

/// <summary>
/// Random Markdown drafts built from the constructs that break parsers and linters: headings of every kind,
/// prose with the rules' own vocabulary, emphasis and link bombs, deep quotes and lists, wide tables, unclosed
/// fences, HTML and comments (suppression comments among them), front matter (some of it broken YAML), Unicode
/// line and paragraph separators, lone surrogates, NUL bytes, and whole files in other encodings or no encoding.
/// The same seed always gives the same documents, so a failure names a seed and an index that reproduce it.
/// </summary>
internal sealed class MarkdownFuzzer(int seed)
{
    private readonly Random _random = new(seed);

    // One document in ten may hold the large constructs (bombs, 100 KB lines, thousands of tags); the others keep
    // them small, so thousands of documents lint in seconds and still cover every construct.
    private int _scale = 1;

    private static readonly string[] Words =
    [
        "the", "national", "strategy", "will", "and", "of", "to", "governance", "cybersecurity", "CSIRT", "incident",
        "response", "critical", "infrastructure", "risk", "management", "legislation", "cybercrime", "law", "international",
        "cooperation", "awareness", "training", "skills", "human", "rights", "gender", "women", "evaluation", "monitoring",
        "M&E", "R&D", "donor", "recipient", "beneficiary", "capacity-building", "action", "plan", "timeline", "2026",
        "responsible", "ministry", "not", "no", "without", "Ministry of Justice and Equality", "citizens'", "privacy",
        "é", "ß", "Straße", "año", "数据", "😀", "\u200D", "\u00A0", "\t", "TODO", "TBD", "see", "section",
    ];

    private static readonly string[] Breaks = ["\n", "\n", "\n", "\r\n", "\r", "\u2028", "\u2029", "\u0085"];

    /// <summary>One document as the bytes of a file.</summary>
    public byte[] Next()
    {
        _scale = _random.Next(10) == 0 ? 1 : 20;
        switch (_random.Next(40))
        {
            case 0:
                return [];
            case 1:
                return RandomBytes(_random.Next(1, 4000));
            case 2:
                return [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Text())];
            case 3:
                return Encoding.Latin1.GetBytes(Text().Replace('’', 'é'));
            case 4:
                return [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Text().Replace("\n", "\r\n", StringComparison.Ordinal))];
            default:
                return Encoding.UTF8.GetBytes(Text());
        }
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    private string Text()
    {
        var builder = new StringBuilder();
        if (_random.Next(5) == 0)
            builder.Append(FrontMatter());
        var blocks = _random.Next(0, 40);
        for (var i = 0; i < blocks; i++)
        {
            builder.Append(Block(depth: 0));
            builder.Append(Pick(Breaks));
            if (_random.Next(3) > 0)
                builder.Append('\n');
        }
        return builder.ToString();
    }

    private string Block(int depth)
    {
        switch (_random.Next(depth > 3 ? 14 : 18))
        {
            case 0:
            case 1:
                return new string('#', _random.Next(1, 8)) + " " + Sentence(1, 6) + (_random.Next(4) == 0 ? " ###" : "");
            case 2:
                return Sentence(1, 5) + "\n" + new string(_random.Next(2) == 0 ? '=' : '-', _random.Next(1, 6));
            case 3:
                return "```" + (_random.Next(2) == 0 ? "yaml" : "") + "\n" + Sentence(1, 30) + (_random.Next(3) == 0 ? "" : "\n```");
            case 4:
                return Table();
            case 5:
                return Html();
            case 6:
                return Suppression();
            case 7:
                return Bomb();
            case 8:
                return new string('\u0000', _random.Next(1, 4)) + Sentence(1, 8) + (char)_random.Next(0xD800, 0xE000);
            case 9:
                return string.Concat(Enumerable.Repeat(_random.Next(2) == 0 ? "> " : "- ", _random.Next(1, 90))) + Sentence(1, 6);
            case 10:
                return string.Concat(Enumerable.Repeat("word ", _random.Next(1000, 30_000) / _scale));
            case 11:
                return "[" + Sentence(1, 4) + "](#" + Sentence(1, 3).Replace(' ', '-') + ") and [ref][" + Sentence(1, 2) + "]\n\n[" + Sentence(1, 2) + "]: https://example.org/x \"t\"";
            case 12:
            case 13:
                return string.Join("\n", Enumerable.Range(0, _random.Next(1, 25)).Select(_ => (_random.Next(2) == 0 ? "- " : $"{_random.Next(1, 12)}. ") + Sentence(1, 10)));
            case 14:
                return "> " + Block(depth + 1).Replace("\n", "\n> ", StringComparison.Ordinal);
            case 15:
                return "- " + Block(depth + 1).Replace("\n", "\n  ", StringComparison.Ordinal);
            default:
                return Sentence(3, 60);
        }
    }

    private string Sentence(int min, int max)
    {
        var count = _random.Next(min, max + 1);
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
                builder.Append(Pick([" ", " ", " ", ", ", ". ", "-", " - ", "; ", "/", "'", " *", "* ", "_", "`", "\u2028"]));
            var word = Pick(Words);
            builder.Append(_random.Next(5) == 0 ? word.ToUpperInvariant() : word);
        }
        return builder.ToString();
    }

    private string Table()
    {
        var columns = _random.Next(1, _random.Next(8) == 0 ? 600 : 6);
        var rows = _random.Next(0, 12);
        var builder = new StringBuilder("|");
        for (var c = 0; c < columns; c++)
            builder.Append(' ').Append(Sentence(1, 2)).Append(" |");
        builder.Append("\n|");
        for (var c = 0; c < columns; c++)
            builder.Append(_random.Next(3) == 0 ? ":---:|" : "---|");
        for (var r = 0; r < rows; r++)
        {
            builder.Append("\n|");
            for (var c = 0; c < columns + _random.Next(-1, 2); c++)
                builder.Append(' ').Append(Sentence(0, 4)).Append(" |");
        }
        return builder.ToString();
    }

    private string Html() => _random.Next(4) switch
    {
        0 => string.Concat(Enumerable.Repeat("<div><span>", _random.Next(1, 3000) / _scale + 1)),
        1 => "<!-- " + Sentence(1, 10) + (_random.Next(2) == 0 ? " -->" : ""),
        2 => "<details><summary>" + Sentence(1, 4) + "</summary>\n\n" + Sentence(1, 20) + "\n\n</details>",
        _ => "Text with <b>inline</b> and <!-- a comment --> and <img src=x onerror=alert(1)>",
    };

    private string Suppression()
    {
        var form = Pick(["disable", "enable", "disable-next-line", "disable-file", "disabel", ""]);
        var ids = Pick(["", "SL2001", "SL2001, SL3003", "FocusAreas", "SL9999", "sl2001", "all"]);
        var reason = _random.Next(2) == 0 ? " -- " + Sentence(1, 6) : "";
        return $"<!-- strategylint-{form} {ids}{reason} -->";
    }

    private string Bomb() => _random.Next(3) switch
    {
        0 => string.Concat(Enumerable.Repeat("*a **b _c ", _random.Next(100, 20_000) / _scale)),
        1 => new string('[', _random.Next(100, 20_000) / _scale) + "x" + string.Concat(Enumerable.Repeat("](", _random.Next(100, 20_000) / _scale)),
        _ => string.Concat(Enumerable.Repeat("`", _random.Next(1, 5000) / _scale + 1)) + Sentence(1, 5),
    };

    private string FrontMatter() => _random.Next(4) switch
    {
        0 => "---\nprofile: national-cybersecurity-strategy\nlanguage: en\n---\n",
        1 => "---\nprofile: [unclosed\nlanguage: : :\n---\n",
        2 => "---\nlanguage: fr\nprofile: cybercrime-strategy\n",
        _ => "---\n" + Sentence(1, 10) + "\n---\n",
    };

    private T Pick<T>(T[] values) => values[_random.Next(values.Length)];
}
