using System.Runtime.InteropServices;

namespace DualHome.Linux.Interop;

/// <summary>struct ethtool_value (linux/ethtool.h): a command and one 32-bit value, in host order.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct EthtoolValue
{
    public uint Command;
    public uint Data;
}
