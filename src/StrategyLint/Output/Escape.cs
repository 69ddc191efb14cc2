using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;

namespace StrategyLint.Cli.Output;

/// <summary>
/// One escaping function per output format, for every value that can come from a draft, a file name, a pack or a
/// rule (ids, titles, messages, help links, headings, quoted passages, profile names, paths). A pull request
/// controls all of these, so none may reach a terminal, a CI log, a job summary or a page as anything but text:
/// no terminal escape sequence, no line break that starts a workflow command, no Markdown or HTML markup, no
/// link that is not http(s). Text without such characters comes out unchanged.
/// </summary>
internal static class Escape
{
    /// <summary>
    /// A value in a line of text for a terminal or a CI log (the text format, <c>--verbose</c>, progress, messages
    /// on standard error). Control characters (C0 with CR, LF and ESC; DEL; C1), bidirectional overrides and
    /// isolates (which reorder what a reviewer reads) and line/paragraph separators are shown as visible escapes
    /// (<c>\n</c>, <c>\x1b</c>, <c>\u202e</c>), so the value stays on its line and cannot colour, move the cursor or
    /// retitle the terminal. A tab, which can do none of that, stays. GitHub's runner reads <c>::</c> at the start of a line and <c>##[</c> anywhere as workflow
    /// commands: a colon that starts a value and every <c>##[</c> get their first character escaped too.
    /// </summary>
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return value ?? "";
        if (!NeedsText(value))
            return value;
        var builder = new StringBuilder(value.Length + 16);
        var start = value.Length - value.TrimStart().Length;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == ':' && i == start)
                builder.Append("\\x3a");
            else if (c == '#' && string.CompareOrdinal(value, i, "##[", 0, 3) == 0)
                builder.Append("\\x23");
            else if (IsUnsafe(c) && c != '\t')
                AppendEscaped(builder, c);
            else
                builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>
    /// The data of a GitHub workflow command (after <c>::</c>), as <c>escapeData</c> in actions/toolkit: %, CR and LF
    /// are percent-encoded (the runner turns %0A back into a line break inside the annotation, never into a new
    /// command); every other unsafe character is shown as a visible escape as in <see cref="Text"/>.
    /// </summary>
    public static string GitHubData(string? value)
    {
        var builder = new StringBuilder((value ?? "").Length + 8);
        foreach (var c in value ?? "")
        {
            switch (c)
            {
                case '%':
                    builder.Append("%25");
                    break;
                case '\r':
                    builder.Append("%0D");
                    break;
                case '\n':
                    builder.Append("%0A");
                    break;
                default:
                    if (IsUnsafe(c))
                        AppendEscaped(builder, c);
                    else
                        builder.Append(c);
                    break;
            }
        }
        return builder.ToString();
    }

    /// <summary>A property of a GitHub workflow command (<c>file=</c>, <c>title=</c>): also ':' and ',', which separate properties.</summary>
    public static string GitHubProperty(string? value) =>
        GitHubData(value).Replace(":", "%3A", StringComparison.Ordinal)
            .Replace(",", "%2C", StringComparison.Ordinal);

    /// <summary>
    /// Text in GitHub-flavoured Markdown (the job summary), rendered literally: every character that can start
    /// markup (emphasis, code, links, images, HTML and entities, table cells, strikethrough, math, headings,
    /// mentions) is backslash-escaped, as CommonMark allows for any ASCII punctuation; line breaks and other
    /// control characters become spaces; bidirectional overrides are shown as visible escapes.
    /// </summary>
    public static string Markdown(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return value ?? "";
        var builder = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
                builder.Append(' ');
            else if (IsUnsafe(c))
                AppendEscaped(builder, c);
            else if (c == '@')
                builder.Append(MentionBreaker);
            else if (MarkdownMarkup.Contains(c))
                builder.Append('\\').Append(c);
            else
                builder.Append(c);
        }
        return builder.ToString();
    }

    private const string MarkdownMarkup = "\\`*_[]<>#!|~&$";

    // GitHub finds @mentions after Markdown is rendered, so "\@name" still mentions (and notifies) the user; a
    // zero-width space after the '@' (written as an entity, so it shows in the raw summary) does not.
    private const string MentionBreaker = "@&#8203;";

    /// <summary>
    /// A path or other literal shown as inline code in Markdown (<c>`path`</c>): a backtick would end the code
    /// span and becomes ', a '|' would end the table cell and is escaped (GitHub honours <c>\|</c> inside code in a
    /// table), and control characters, which would end the line, are shown as visible escapes.
    /// </summary>
    public static string MarkdownCode(string? value) =>
        $"`{Text(value).Replace("`", "'", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal)}`";

    /// <summary>
    /// A link destination for Markdown: an absolute http(s) URL with the characters that could end the destination,
    /// the link or the table cell percent-encoded; null for anything else (a <c>javascript:</c> or <c>data:</c>
    /// link from a pack, a relative path), which is then shown as text, not linked.
    /// </summary>
    public static string? MarkdownUrl(string? uri)
    {
        if (WebLink(uri) is not { } web)
            return null;
        var builder = new StringBuilder(web.Length);
        foreach (var c in web)
        {
            if (c is '(' or ')' or '[' or ']' or '<' or '>' or '|' or '`' or '\\' or '"')
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            else
                builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>
    /// Text for HTML content and quoted attribute values: &lt; &gt; &amp; &quot; and &#39; become references, so text
    /// from a draft (headings, quotes, file names) can never open an element or leave an attribute. Control
    /// characters other than line breaks and tabs, which HTML forbids, become spaces; a line break becomes
    /// <c>&amp;#10;</c> (the same to a browser) and the '#' of '##[' <c>&amp;#35;</c>, so a page printed to a CI log
    /// cannot start a workflow command; bidirectional overrides are shown as visible escapes.
    /// </summary>
    public static string Html(string? value)
    {
        var encoded = WebUtility.HtmlEncode(value ?? "");
        if (!encoded.Any(c => char.IsControl(c) && c != '\t' || IsUnsafe(c) || c == '#'))
            return encoded;
        var builder = new StringBuilder(encoded.Length + 16);
        for (var i = 0; i < encoded.Length; i++)
        {
            var c = encoded[i];
            if (c == '\n')
                builder.Append("&#10;");
            else if (c == '#' && string.CompareOrdinal(encoded, i, "##[", 0, 3) == 0)
                builder.Append("&#35;");
            else if (char.IsControl(c) && c != '\t')
                builder.Append(' ');
            else if (IsUnsafe(c))
                AppendEscaped(builder, c);
            else
                builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>
    /// Serialized JSON (the json and sarif formats), which a job may print to its log: the serializer already
    /// escapes control characters; this also writes bidirectional overrides and line separators as <c>\uXXXX</c>
    /// and the '#' of '##[' as <c>\u0023</c>. Both can only occur inside strings (JSON has no '#' of its own), so
    /// the document means the same.
    /// </summary>
    public static string Json(string serialized)
    {
        // A SARIF file is megabytes of text: search for the few characters that matter, then copy the runs between them.
        var span = serialized.AsSpan();
        var next = span.IndexOfAny(JsonSpecials);
        if (next < 0)
            return serialized;
        var builder = new StringBuilder(serialized.Length + 16);
        var start = 0;
        while (next >= 0)
        {
            var at = start + next;
            builder.Append(span[start..at]);
            var c = span[at];
            if (c == '#')
                builder.Append(span[at..].StartsWith("##[", StringComparison.Ordinal) ? "\\u0023" : "#");
            else
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            start = at + 1;
            next = span[start..].IndexOfAny(JsonSpecials);
        }
        builder.Append(span[start..]);
        return builder.ToString();
    }

    // What Json rewrites: '#' (for "##["), bidirectional overrides and isolates, line and paragraph separators. The
    // serializer has already escaped control characters inside strings, and the ones outside are its own indentation.
    private static readonly SearchValues<char> JsonSpecials = SearchValues.Create("#\u2028\u2029\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");

    /// <summary>
    /// The URI itself when it is an absolute http or https URL without spaces or control characters, else null:
    /// a help link from a pack must never become a <c>javascript:</c>, <c>data:</c> or <c>file:</c> link in a report,
    /// an annotation or SARIF (whose <c>helpUri</c> must be an absolute URI).
    /// </summary>
    public static string? WebLink(string? uri)
    {
        if (string.IsNullOrEmpty(uri) || uri.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || IsUnsafe(c)))
            return null;
        return Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttps || parsed.Scheme == Uri.UriSchemeHttp) && parsed.Host.Length > 0
            ? uri
            : null;
    }

    // ---- shared ---------------------------------------------------------------------------------------------------

    /// <summary>Control characters, bidirectional overrides and isolates, and line/paragraph separators.</summary>
    internal static bool IsUnsafe(char c) =>
        char.IsControl(c) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u2028' or '\u2029';

    private static bool NeedsText(string value)
    {
        foreach (var c in value)
        {
            if ((IsUnsafe(c) && c != '\t') || c == '#')
                return true;
        }
        return value.TrimStart().StartsWith(':');
    }

    private static void AppendEscaped(StringBuilder builder, char c)
    {
        switch (c)
        {
            case '\n':
                builder.Append("\\n");
                break;
            case '\r':
                builder.Append("\\r");
                break;
            case '\t':
                builder.Append("\\t");
                break;
            case <= '\u00FF':
                builder.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                break;
            default:
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                break;
        }
    }
}
