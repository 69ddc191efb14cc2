using System.Globalization;

namespace StrategyLint.Linting;

/// <summary>
/// One part of the inputs, for splitting a large repository across CI jobs: <c>--shard 2/4</c> lints the files
/// whose path hashes to the second of four parts. Every file belongs to exactly one shard, the split does not
/// depend on the order or number of the other files (adding a draft moves no other draft), and it is the same on
/// every machine (a fixed hash of the path as shown, with forward slashes).
/// </summary>
internal readonly record struct Shard(int Index, int Count)
{
    public static bool TryParse(string value, out Shard shard, out string? problem)
    {
        shard = default;
        var parts = value.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || count < 1 || index < 1 || index > count)
        {
            problem = $"'{value}' is not a shard. Give --shard as I/N with 1 <= I <= N, for example --shard 2/4 for the second of four parts.";
            return false;
        }
        shard = new Shard(index, count);
        problem = null;
        return true;
    }

    /// <summary>True when the file falls in this shard.</summary>
    public bool Contains(InputFile file) => (int)(StableHash(file.DisplayPath.Replace('\\', '/')) % (uint)Count) == Index - 1;

    // FNV-1a over UTF-16 code units: string.GetHashCode is randomized per process.
    private static uint StableHash(string path)
    {
        var hash = 2166136261;
        foreach (var c in path)
            hash = (hash ^ c) * 16777619;
        return hash;
    }

    public override string ToString() => $"{Index}/{Count}";
}
