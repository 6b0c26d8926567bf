namespace DualHome.Linux.Interop;

/// <summary>
/// Netlink messages, cmsg headers and the ICMP6_FILTER words are in host byte order; this project
/// writes them with BinaryPrimitives *LittleEndian*, which is host order on both targets (x86-64, arm64).
/// </summary>
internal static class HostOrder
{
    public static void RequireLittleEndian()
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("host-order kernel structures are written little-endian");
        }
    }
}
