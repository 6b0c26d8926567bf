using System.Net;
using System.Runtime.CompilerServices;

namespace DualHome.Linux.Icmpv6;

/// <summary>Sixteen address bytes held by value, so parsing ancillary data allocates nothing.</summary>
[InlineArray(16)]
internal struct Ipv6Bytes
{
    private byte _element0;

    public IPAddress ToAddress(long scopeId) => new(this, scopeId);
}
