using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

// Sets VER_FLG_WEAK on the Vernaux entry named VersionName in each ELF64 little-endian file's
// .gnu.version_r section. Idempotent; a file that is not ELF64 or lacks the entry is left as it is.
public class MarkElfVersionNeedWeak : Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 0x2;

    [Required] public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();
    [Required] public string VersionName { get; set; } = "";

    public override bool Execute()
    {
        foreach (var item in Files)
        {
            var path = item.GetMetadata("FullPath");
            try
            {
                var result = Patch(path);
                Log.LogMessage(MessageImportance.Low, $"{path}: {result}");
            }
            catch (Exception e) when (e is IOException or ArgumentException)
            {
                Log.LogWarning($"{path}: could not mark {VersionName} weak: {e.Message}");
            }
        }
        return !Log.HasLoggedErrors;
    }

    private string Patch(string path)
    {
                var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 64 || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[4] != 2 || bytes[5] != 1)
            return "not an ELF64 little-endian file";
        long shoff = BitConverter.ToInt64(bytes, 0x28);
        int shentsize = BitConverter.ToUInt16(bytes, 0x3A);
        int shnum = BitConverter.ToUInt16(bytes, 0x3C);
        for (int i = 0; i < shnum; i++)
        {
            long sh = shoff + (long)i * shentsize;
            if (BitConverter.ToUInt32(bytes, (int)sh + 4) != ShtGnuVerneed) continue;
            long offset = BitConverter.ToInt64(bytes, (int)sh + 0x18);
            int link = (int)BitConverter.ToUInt32(bytes, (int)sh + 0x28);
            int count = (int)BitConverter.ToUInt32(bytes, (int)sh + 0x2C);
            long strtab = BitConverter.ToInt64(bytes, (int)(shoff + (long)link * shentsize) + 0x18);
            long need = offset;
            for (int n = 0; n < count; n++)
            {
                int auxCount = BitConverter.ToUInt16(bytes, (int)need + 2);
                long aux = need + BitConverter.ToUInt32(bytes, (int)need + 8);
                for (int a = 0; a < auxCount; a++)
                {
                    int flagsAt = (int)aux + 4;
                    string name = ReadString(bytes, strtab + BitConverter.ToUInt32(bytes, (int)aux + 8));
                    if (name == VersionName)
                    {
                        ushort flags = BitConverter.ToUInt16(bytes, flagsAt);
                        if ((flags & VerFlgWeak) != 0) return "already weak";
                        BitConverter.GetBytes((ushort)(flags | VerFlgWeak)).CopyTo(bytes, flagsAt);
                        var temp = path + ".patching";
                        File.WriteAllBytes(temp, bytes); // a new file: never writes through a hard link into the NuGet cache
                        File.Delete(path);
                        File.Move(temp, path);
                        return "marked weak";
                    }
                    aux += BitConverter.ToUInt32(bytes, (int)aux + 12);
                }
                need += BitConverter.ToUInt32(bytes, (int)need + 12);
            }
        }
        return "no such version need";
    }

    private static string ReadString(byte[] bytes, long at)
    {
        int end = (int)at;
        while (bytes[end] != 0) end++;
        return Encoding.ASCII.GetString(bytes, (int)at, end - (int)at);
    }
}
