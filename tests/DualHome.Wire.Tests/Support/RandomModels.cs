using System.Net;
using System.Net.NetworkInformation;
using DualHome.Wire.Nd;

namespace DualHome.Wire.Tests.Support;

/// <summary>Random models that respect every MUST the writers enforce, for property-style tests.</summary>
public sealed class RandomModels(int seed)
{
    private static readonly RouterPreference[] Preferences = [RouterPreference.Low, RouterPreference.Medium, RouterPreference.High];
    private readonly Random _random = new(seed);

    public RouterAdvertisement RouterAdvertisement()
    {
        ushort lifetime = (ushort)_random.Next(0, NdConstants.MaxRouterLifetime + 1);
        return new RouterAdvertisement
        {
            CurHopLimit = (byte)_random.Next(256),
            Managed = Coin(),
            OtherConfig = Coin(),
            Preference = lifetime == 0 ? RouterPreference.Medium : Pick(Preferences),
            RouterLifetime = lifetime,
            ReachableTimeMs = (uint)_random.Next(0, (int)NdConstants.MaxReachableTimeMs + 1),
            RetransTimerMs = UInt(),
            SourceLinkLayerAddress = Coin() ? Mac() : null,
            Mtu = Coin() ? (uint)_random.Next((int)NdConstants.MinLinkMtu, 65536) : null,
            Prefixes = Many(4, Prefix),
            Routes = Many(3, Route),
            DnsServers = Many(2, DnsServers),
            SearchLists = Many(2, SearchList),
        };
    }

    public RouterSolicitation RouterSolicitation() => new(Coin() ? Mac() : null);

    public NeighborSolicitation NeighborSolicitation() => new(Unicast(), Coin() ? Mac() : null);

    public NeighborAdvertisement NeighborAdvertisement() => new(Coin(), Coin(), Coin(), Unicast(), Coin() ? Mac() : null);

    private PrefixInformation Prefix()
    {
        uint valid = UInt();
        uint preferred = (uint)(_random.NextDouble() * valid);
        return new PrefixInformation(Network(_random.Next(0, 129)), Coin(), Coin(), valid, preferred);
    }

    private RouteInformation Route() => new(Network(_random.Next(0, 129)), Pick(Preferences), UInt());

    private RecursiveDnsServers DnsServers() => new(UInt(), Many(1, 5, Unicast));

    private DnsSearchList SearchList() => new(UInt(), Many(1, 4, Domain));

    private string Domain() => string.Join('.', Many(1, 4, Label));

    private string Label()
    {
        const string chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";
        return new string(Enumerable.Range(0, _random.Next(1, 20)).Select(_ => chars[_random.Next(chars.Length)]).ToArray());
    }

    private IPNetwork Network(int prefixLength) => Masked(new IPAddress(Bytes(16)), prefixLength);

    private static IPNetwork Masked(IPAddress address, int prefixLength)
    {
        byte[] bytes = address.GetAddressBytes();
        for (int bit = prefixLength; bit < 128; bit++)
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        return new IPNetwork(new IPAddress(bytes), prefixLength);
    }

    private IPAddress Unicast()
    {
        byte[] bytes = Bytes(16);
        bytes[0] = (byte)_random.Next(0, 0xff); // never ff00::/8
        return new IPAddress(bytes);
    }

    private PhysicalAddress Mac() => new(Bytes(6));

    private byte[] Bytes(int count)
    {
        byte[] bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }

    private List<T> Many<T>(int max, Func<T> make) => Many(0, max, make);

    private List<T> Many<T>(int min, int max, Func<T> make) =>
        Enumerable.Range(0, _random.Next(min, max + 1)).Select(_ => make()).ToList();

    private uint UInt() => _random.Next(4) == 0 ? NdConstants.Infinity : (uint)_random.NextInt64(0, 1L << 32);

    private bool Coin() => _random.Next(2) == 0;

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];
}
