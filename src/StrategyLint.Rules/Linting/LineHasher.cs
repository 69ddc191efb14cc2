using System.Globalization;
using System.Text;

namespace StrategyLint.Linting;

/// <summary>
/// SARIF <c>partialFingerprints.primaryLocationLineHash</c>, computed the way GitHub's upload action computes
/// it (codeql-action <c>src/fingerprints.ts</c>), so the values we emit agree with the ones GitHub would
/// compute and an alert keeps its identity when lines are inserted above it. The algorithm, from its
/// description in ../shared/docs/sarif-github.md §A.4: a rolling hash (base 37, 64-bit wrap-around) over the
/// next 100 characters from each line's start, skipping spaces and tabs, with CR, LF and CRLF read as LF, an
/// end-of-file marker and zero padding; equal hashes within a file are numbered <c>:1</c>, <c>:2</c>, …
/// </summary>
internal static class LineHasher
{
    private const int BlockSize = 100;
    private const ulong Mod = 37;
    private const char EndOfFile = '\uffff';

    // Mod^BlockSize with 64-bit wrap-around: the weight of the character leaving the window.
    private static readonly ulong FirstMod = ComputeFirstMod();

    // How GitHub's action reads the file: UTF-8, a BOM kept as U+FEFF, invalid bytes as U+FFFD.
    private static readonly UTF8Encoding NodeUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>The hashes of the given 1-based lines of a file's bytes (lines past the end are absent).</summary>
    public static Dictionary<int, string> ForLines(ReadOnlySpan<byte> bytes, IReadOnlySet<int> lines) =>
        ForLines(NodeUtf8.GetString(bytes), lines);

    /// <summary>The hashes of the given 1-based lines of text exactly as GitHub would read it from disk.</summary>
    public static Dictionary<int, string> ForLines(string text, IReadOnlySet<int> lines)
    {
        var result = new Dictionary<int, string>(lines.Count);
        if (lines.Count > 0)
            Hash(text, (line, hash) =>
            {
                if (lines.Contains(line))
                    result[line] = hash;
            });
        return result;
    }

    /// <summary>Every line's hash of a file's bytes, in line order.</summary>
    public static List<string> AllLines(ReadOnlySpan<byte> bytes) => AllLines(NodeUtf8.GetString(bytes));

    /// <summary>Every line's hash, in line order.</summary>
    public static List<string> AllLines(string text)
    {
        var result = new List<string>();
        Hash(text, (_, hash) => result.Add(hash));
        return result;
    }

    private static void Hash(string text, Action<int, string> callback)
    {
        var window = new char[BlockSize];
        var lineNumbers = new int[BlockSize];
        Array.Fill(lineNumbers, -1);
        ulong hash = 0;
        var index = 0;
        var lineNumber = 0;
        var lineStart = true;
        var previousCr = false;
        var counts = new Dictionary<ulong, int>();

        void Output()
        {
            counts[hash] = counts.TryGetValue(hash, out var n) ? n + 1 : 1;
            callback(lineNumbers[index], hash.ToString("x", CultureInfo.InvariantCulture) + ":" + counts[hash].ToString(CultureInfo.InvariantCulture));
            lineNumbers[index] = -1;
        }

        void Update(char current)
        {
            var leaving = window[index];
            window[index] = current;
            hash = unchecked((Mod * hash) + current - (FirstMod * leaving));
            index = (index + 1) % BlockSize;
        }

        void Process(char current)
        {
            if (current is ' ' or '\t' || (previousCr && current == '\n'))
            {
                previousCr = false;
                return;
            }
            if (current == '\r')
            {
                current = '\n';
                previousCr = true;
            }
            else
            {
                previousCr = false;
            }
            if (lineNumbers[index] != -1)
                Output();
            if (lineStart)
            {
                lineStart = false;
                lineNumbers[index] = ++lineNumber;
            }
            if (current == '\n')
                lineStart = true;
            Update(current);
        }

        foreach (var c in text)
            Process(c);
        Process(EndOfFile);
        for (var i = 0; i < BlockSize; i++)
        {
            if (lineNumbers[index] != -1)
                Output();
            Update('\0');
        }
    }

    private static ulong ComputeFirstMod()
    {
        ulong value = 1;
        for (var i = 0; i < BlockSize; i++)
            value = unchecked(value * Mod);
        return value;
    }
}
