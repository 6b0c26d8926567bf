using System.Runtime.InteropServices;

namespace DualHome.Linux.Interop;

/// <summary>
/// A shared memory mapping made by mmap(2) (a packet ring). Dispose unmaps it once no call holds a
/// reference; until then <see cref="Address"/> stays valid.
/// </summary>
internal sealed class SafeMappedRegion : SafeHandle
{
    private SafeMappedRegion(nint address, nuint length)
        : base(Libc.MapFailed, ownsHandle: true)
    {
        SetHandle(address);
        Length = length;
    }

    public nuint Length { get; }

    public override bool IsInvalid => handle == Libc.MapFailed || handle == 0;

    /// <summary>The start of the mapping; valid while the region is not closed.</summary>
    public unsafe byte* Address => (byte*)handle;

    /// <summary>mmap(NULL, length, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_POPULATE, fd, 0).</summary>
    public static SafeMappedRegion MapShared(SafeFdHandle fd, nuint length, string what)
    {
        var address = Libc.Mmap(
            0, length, Libc.PROT_READ | Libc.PROT_WRITE, Libc.MAP_SHARED | Libc.MAP_POPULATE, fd, 0);
        return address != Libc.MapFailed
            ? new SafeMappedRegion(address, length)
            : throw NativeErrorException.FromLastError($"mmap({what}, {length} bytes)");
    }

    protected override bool ReleaseHandle() => Libc.Munmap(handle, Length) == 0;
}
