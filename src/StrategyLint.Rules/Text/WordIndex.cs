using System.Numerics;
using Microsoft.CodeAnalysis.Text;

namespace StrategyLint.Text;

/// <summary>A run of word characters found by <see cref="WordIndex"/> or <see cref="TextTokens"/>.</summary>
internal interface ITokenSource
{
    string Text { get; }

    int Start(int token);

    int End(int token);

    /// <summary>True when a next token exists in the same region (a term may continue into it).</summary>
    bool HasNextInRegion(int token);
}

/// <summary>
/// The words of a document's prose, tokenized once and indexed by word (case-insensitive), so every term
/// set of every rule looks up its words instead of scanning the text: one pass over the document however
/// many rules and terms there are. Words are tokenized within regions (headings, paragraphs, table cells);
/// a term never spans two regions, as a regular expression run on each block's text would not.
/// The vocabulary is an open-addressing table over spans of the text (no string per word), hashed while
/// scanning; sentence boundaries are found once per region, on first use.
/// </summary>
internal sealed class WordIndex : ITokenSource
{
    private static readonly bool[] AsciiWord = [.. Enumerable.Range(0, 128).Select(c => WordChars.IsWord((char)c))];

    private readonly TextSpan[] _regions;
    private readonly Token[] _tokens;
    private readonly int _count;
    private readonly Vocabulary _words;
    private readonly int[] _postingOffsets;
    private readonly int[] _postings;
    private readonly int[]?[] _sentenceBoundaries;
    private int[]? _sortedWords;
    private int[]? _regionsByStart;

    private struct Token
    {
        public int Start;
        public int Word;
        public int Region;
    }

    /// <param name="text">The prose to index.</param>
    /// <param name="regions">Non-overlapping spans of <paramref name="text"/> to tokenize, in the order results should come in.</param>
    public WordIndex(string text, IReadOnlyList<TextSpan> regions)
    {
        Text = text;
        _regions = [.. regions];
        _sentenceBoundaries = new int[]?[_regions.Length];
        long regionChars = 0;
        foreach (var region in _regions)
            regionChars += region.Length;
        var tokens = new Token[(int)Math.Min(int.MaxValue / 2, regionChars / 5 + 16)];
        _words = new Vocabulary(text, (int)Math.Min(1 << 20, regionChars / 40 + 64));
        var count = 0;
        for (var r = 0; r < _regions.Length; r++)
        {
            var end = _regions[r].End;
            var i = _regions[r].Start;
            while (i < end)
            {
                var c = text[i];
                if (c < 128 ? !AsciiWord[c] : !WordChars.ContinuesWord(c))
                {
                    i++;
                    continue;
                }
                var start = i;
                var hash = WordChars.HashSeed;
                for (; i < end; i++)
                {
                    c = text[i];
                    if (c < 128)
                    {
                        if (!AsciiWord[c])
                            break;
                        hash = (hash ^ (c is >= 'a' and <= 'z' ? (uint)(c - 32) : c)) * WordChars.HashPrime;
                    }
                    else if (WordChars.ContinuesWord(c))
                    {
                        hash = (hash ^ WordChars.Fold(c)) * WordChars.HashPrime;
                    }
                    else
                    {
                        break;
                    }
                }
                if (count == tokens.Length)
                    Array.Resize(ref tokens, tokens.Length * 2);
                tokens[count++] = new Token { Start = start, Word = _words.Intern(start, i - start, hash), Region = r };
            }
        }
        _tokens = tokens;
        _count = count;
        _postingOffsets = new int[_words.Count + 1];
        for (var t = 0; t < count; t++)
            _postingOffsets[_tokens[t].Word + 1]++;
        for (var w = 0; w < _words.Count; w++)
            _postingOffsets[w + 1] += _postingOffsets[w];
        _postings = new int[count];
        var fill = _postingOffsets[..^1];
        for (var t = 0; t < count; t++)
            _postings[fill[_tokens[t].Word]++] = t;
    }

    /// <summary>The indexed prose.</summary>
    public string Text { get; }

    public int TokenCount => _count;

    public int Start(int token) => _tokens[token].Start;

    public int End(int token) => _tokens[token].Start + _words.Length(_tokens[token].Word);

    public int RegionOf(int token) => _tokens[token].Region;

    public bool HasNextInRegion(int token) => token + 1 < _count && _tokens[token + 1].Region == _tokens[token].Region;

    /// <summary>The tokens of a word (any case), in region order.</summary>
    public ReadOnlySpan<int> Occurrences(string word) => Postings(_words.Find(word));

    /// <summary>The tokens of every word that starts with <paramref name="prefix"/> (any case), word by word.</summary>
    public IEnumerable<int> OccurrencesOfPrefix(string prefix)
    {
        var sorted = _sortedWords ??= _words.Sorted();
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (WordChars.FoldedCompare(_words.Span(sorted[mid]), prefix) < 0)
                low = mid + 1;
            else
                high = mid;
        }
        for (var k = low; k < sorted.Length; k++)
        {
            var word = _words.Span(sorted[k]);
            if (word.Length < prefix.Length || !WordChars.FoldedEquals(word[..prefix.Length], prefix))
                yield break;
            for (var p = _postingOffsets[sorted[k]]; p < _postingOffsets[sorted[k] + 1]; p++)
                yield return _postings[p];
        }
    }

    private ReadOnlySpan<int> Postings(int word) =>
        word < 0 ? [] : _postings.AsSpan(_postingOffsets[word], _postingOffsets[word + 1] - _postingOffsets[word]);

    /// <summary>The region that holds the whole of <paramref name="span"/>, or -1.</summary>
    public int RegionHolding(TextSpan span)
    {
        var byStart = _regionsByStart ??= [.. Enumerable.Range(0, _regions.Length).OrderBy(r => _regions[r].Start)];
        int low = 0, high = byStart.Length - 1, found = -1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            if (_regions[byStart[mid]].Start <= span.Start)
            {
                found = byStart[mid];
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        return found >= 0 && _regions[found].Contains(span) ? found : -1;
    }

    /// <summary>The sentence of <paramref name="region"/> that holds <paramref name="offset"/> (see <see cref="Sentences"/>).</summary>
    public TextSpan Sentence(int region, int offset)
    {
        var bounds = _regions[region];
        var boundaries = _sentenceBoundaries[region] ??= Sentences.Boundaries(Text, bounds);
        // The last boundary before the offset ends the previous sentence; the first at or after it ends this one.
        var next = Array.BinarySearch(boundaries, offset);
        if (next < 0)
            next = ~next;
        var start = next > 0 ? boundaries[next - 1] + 1 : bounds.Start;
        var end = next < boundaries.Length ? boundaries[next] + 1 : bounds.End;
        while (start < end && char.IsWhiteSpace(Text[start]))
            start++;
        return TextSpan.FromBounds(start, Math.Max(start, end));
    }

    /// <summary>The distinct words (first occurrence's span), in an open-addressing table keyed by folded hash.</summary>
    private sealed class Vocabulary
    {
        private readonly string _text;
        private int[] _slots; // word id + 1, 0 when empty
        private int[] _start;
        private int[] _length;
        private uint[] _hash;

        public Vocabulary(string text, int capacity)
        {
            _text = text;
            _slots = new int[Math.Max(16, (int)BitOperations.RoundUpToPowerOf2((uint)capacity * 2))];
            _start = new int[capacity];
            _length = new int[capacity];
            _hash = new uint[capacity];
        }

        public int Count { get; private set; }

        public int Length(int word) => _length[word];

        public ReadOnlySpan<char> Span(int word) => _text.AsSpan(_start[word], _length[word]);

        public int Intern(int start, int length, uint hash)
        {
            var mask = _slots.Length - 1;
            var slot = (int)hash & mask;
            while (_slots[slot] != 0)
            {
                var id = _slots[slot] - 1;
                if (_hash[id] == hash && _length[id] == length && WordChars.FoldedEquals(_text.AsSpan(_start[id], length), _text.AsSpan(start, length)))
                    return id;
                slot = (slot + 1) & mask;
            }
            if (Count == _start.Length)
            {
                Array.Resize(ref _start, Count * 2);
                Array.Resize(ref _length, Count * 2);
                Array.Resize(ref _hash, Count * 2);
            }
            _start[Count] = start;
            _length[Count] = length;
            _hash[Count] = hash;
            _slots[slot] = ++Count;
            if (Count * 2 > _slots.Length)
                Rehash();
            return Count - 1;
        }

        public int Find(string word)
        {
            var hash = WordChars.FoldedHash(word);
            var mask = _slots.Length - 1;
            for (var slot = (int)hash & mask; _slots[slot] != 0; slot = (slot + 1) & mask)
            {
                var id = _slots[slot] - 1;
                if (_hash[id] == hash && WordChars.FoldedEquals(Span(id), word))
                    return id;
            }
            return -1;
        }

        public int[] Sorted()
        {
            var order = new int[Count];
            for (var i = 0; i < order.Length; i++)
                order[i] = i;
            Array.Sort(order, (a, b) => WordChars.FoldedCompare(Span(a), Span(b)));
            return order;
        }

        private void Rehash()
        {
            _slots = new int[_slots.Length * 2];
            var mask = _slots.Length - 1;
            for (var id = 0; id < Count; id++)
            {
                var slot = (int)_hash[id] & mask;
                while (_slots[slot] != 0)
                    slot = (slot + 1) & mask;
                _slots[slot] = id + 1;
            }
        }
    }
}

/// <summary>The words of one short text (a title, a sentence), for term sets that test it directly.</summary>
internal sealed class TextTokens : ITokenSource
{
    private readonly List<(int Start, int End)> _tokens = [];

    public TextTokens(string text)
    {
        Text = text;
        var i = 0;
        while (i < text.Length)
        {
            if (!WordChars.ContinuesWord(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && WordChars.ContinuesWord(text[i]))
                i++;
            _tokens.Add((start, i));
        }
    }

    public string Text { get; }

    public int Count => _tokens.Count;

    public int Start(int token) => _tokens[token].Start;

    public int End(int token) => _tokens[token].End;

    public bool HasNextInRegion(int token) => token + 1 < _tokens.Count;
}
