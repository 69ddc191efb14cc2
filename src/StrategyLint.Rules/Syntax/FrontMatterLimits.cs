using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace StrategyLint.Syntax;

/// <summary>
/// Bounds on the YAML front matter, checked event by event with YamlDotNet's parser before any representation
/// model is built: its size, its nesting depth, its number of aliases, and the shape of its keys. A front matter
/// is a few lines of metadata; a hostile one can otherwise cost unbounded time or memory: 100,000 nested
/// <c>[</c> exhaust the stack, an alias of a collection used as a mapping key makes the model hash an
/// exponentially large tree (a "billion laughs"), and a collection that refers to itself never ends. A refused
/// front matter is reported (SL0001) and ignored; the body is still linted.
/// </summary>
internal static class FrontMatterLimits
{
    /// <summary>The largest front matter read, in characters.</summary>
    public const int MaxLength = 64 * 1024;

    /// <summary>The deepest nesting of lists and mappings read.</summary>
    public const int MaxDepth = 32;

    /// <summary>The most aliases (<c>*name</c>) read.</summary>
    public const int MaxAliases = 100;

    /// <summary>What every refusal ends with: what happens, and the limits.</summary>
    private static readonly string Consequence = string.Create(CultureInfo.InvariantCulture,
        $"StrategyLint reads front matter only within limits ({MaxLength / 1024} KB, {MaxDepth} levels of nesting, {MaxAliases} aliases, keys that are plain text), so that no front matter can exhaust time or memory; its keys (type, title, language, strategylint) are ignored and the rest of the document is still linted.");

    /// <summary>Null when the YAML is within the limits, else the problem and where it is (YamlDotNet's mark, 1-based).</summary>
    /// <exception cref="YamlException">The YAML does not parse.</exception>
    public static (string Message, Mark Start)? Check(string yaml)
    {
        if (yaml.Length > MaxLength)
            return (string.Create(CultureInfo.InvariantCulture, $"The front matter is {yaml.Length:N0} characters long. {Consequence} Keep only the metadata in it."), Mark.Empty);

        var parser = new Parser(new StringReader(yaml));
        var frames = new Stack<Frame>();
        // What each anchor names; an alias to a collection still open makes a collection that contains itself.
        var anchors = new Dictionary<string, Anchored>(StringComparer.Ordinal);
        var aliases = 0;
        while (parser.MoveNext())
        {
            var current = parser.Current!;
            var isKey = false;
            // An alias takes a node's place too, though YamlDotNet does not make it a NodeEvent.
            if (current is NodeEvent or AnchorAlias && frames.TryPeek(out var parent))
            {
                isKey = parent.IsMapping && parent.ExpectingKey;
                if (parent.IsMapping)
                    parent.ExpectingKey = !parent.ExpectingKey;
            }
            switch (current)
            {
                case MappingStart or SequenceStart:
                    if (isKey)
                        return (Refuse("uses a list or a mapping as a key", "Write keys as plain text, such as 'title:'."), current.Start);
                    if (frames.Count >= MaxDepth)
                        return (Refuse($"nests lists or mappings more than {MaxDepth} levels deep", "Flatten it."), current.Start);
                    var anchor = ((NodeEvent)current).Anchor;
                    if (!anchor.IsEmpty)
                        anchors[anchor.Value] = Anchored.OpenCollection;
                    frames.Push(new Frame(current is MappingStart, anchor.IsEmpty ? null : anchor.Value));
                    break;
                case MappingEnd or SequenceEnd:
                    if (frames.TryPop(out var closed) && closed.Anchor is { } name)
                        anchors[name] = Anchored.Collection;
                    break;
                case Scalar { Anchor.IsEmpty: false } scalar:
                    anchors[scalar.Anchor.Value] = Anchored.Scalar;
                    break;
                case AnchorAlias alias:
                    if (++aliases > MaxAliases)
                        return (Refuse($"uses more than {MaxAliases} aliases (*name)", "Write the values out."), current.Start);
                    var kind = anchors.GetValueOrDefault(alias.Value.Value, Anchored.Scalar);
                    if (kind == Anchored.OpenCollection)
                        return (Refuse("has a list or mapping that contains itself (an alias inside its own anchor)", "Write the values out."), current.Start);
                    if (isKey && kind == Anchored.Collection)
                        return (Refuse("uses an alias of a list or a mapping as a key", "Write keys as plain text, such as 'title:'."), current.Start);
                    break;
            }
        }
        return null;
    }

    private static string Refuse(string what, string fix) => $"The front matter {what}. {Consequence} {fix}";

    private enum Anchored { Scalar, OpenCollection, Collection }

    private sealed class Frame(bool isMapping, string? anchor)
    {
        public bool IsMapping { get; } = isMapping;

        public string? Anchor { get; } = anchor;

        public bool ExpectingKey { get; set; } = true;
    }
}
