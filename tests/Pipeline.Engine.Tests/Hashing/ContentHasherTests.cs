using Pipeline.Engine.Hashing;
using Pipeline.Engine.Tests.Support;

namespace Pipeline.Engine.Tests.Hashing;

public sealed class ContentHasherTests : IDisposable
{
    private readonly TempWorkspace _ws = new();
    private string CacheFile => _ws.PathOf(".pipeline/statcache.tsv");

    public void Dispose() => _ws.Dispose();

    private ContentHasher Hasher(List<string>? warnings = null) => new(StatCache.Load(CacheFile, w => warnings?.Add(w)), 2);

    [Fact]
    public void Given_a_file_whose_size_mtime_and_inode_are_unchanged_when_hashing_again_then_it_is_not_reread()
    {
        _ws.Write("data/a.bin", "aaaa");
        var mtime = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc); // whole seconds, so it can be set back exactly
        File.SetLastWriteTimeUtc(_ws.PathOf("data/a.bin"), mtime);
        var hasher = Hasher();
        var first = hasher.HashFile(_ws.PathOf("data/a.bin")).Hash;
        hasher.Cache.Save();
        using (var stream = new FileStream(_ws.PathOf("data/a.bin"), FileMode.Open)) stream.Write("bbbb"u8); // same inode and size
        File.SetLastWriteTimeUtc(_ws.PathOf("data/a.bin"), mtime);

        var second = Hasher().HashFile(_ws.PathOf("data/a.bin")).Hash;

        Assert.Equal(first, second); // proves the stat cache answered: the content did change
    }

    [Fact]
    public void Given_a_file_whose_mtime_changed_when_hashing_then_it_is_reread()
    {
        _ws.Write("data/a.bin", "aaaa");
        var first = Hasher().HashFile(_ws.PathOf("data/a.bin")).Hash;
        _ws.Write("data/a.bin", "bbbb");
        File.SetLastWriteTimeUtc(_ws.PathOf("data/a.bin"), DateTime.UtcNow.AddMinutes(1));

        Assert.NotEqual(first, Hasher().HashFile(_ws.PathOf("data/a.bin")).Hash);
    }

    [Fact]
    public void Given_a_corrupt_stat_cache_when_loading_then_it_warns_and_starts_empty()
    {
        _ws.Write(".pipeline/statcache.tsv", "pipeline-statcache v1\n/a\tnot-a-number\t1\t2\t-\t-\n");
        _ws.Write("data/a.bin", "aaaa");
        var warnings = new List<string>();

        var hash = Hasher(warnings).HashFile(_ws.PathOf("data/a.bin")).Hash;

        Assert.Single(warnings);
        Assert.Contains("is unreadable", warnings[0]);
        Assert.Equal(32, hash.Length);
    }

    [Fact]
    public void Given_two_folders_with_the_same_files_when_hashing_then_the_hashes_are_equal_and_a_renamed_file_changes_it()
    {
        _ws.Write("x/a.txt", "1").Write("x/sub/b.txt", "2").Write("y/a.txt", "1").Write("y/sub/b.txt", "2").Write("z/a.txt", "1").Write("z/sub/c.txt", "2");
        var hasher = Hasher();

        Assert.Equal(hasher.HashFolder(_ws.PathOf("x")).Hash, hasher.HashFolder(_ws.PathOf("y")).Hash);
        Assert.NotEqual(hasher.HashFolder(_ws.PathOf("x")).Hash, hasher.HashFolder(_ws.PathOf("z")).Hash);
    }
}
