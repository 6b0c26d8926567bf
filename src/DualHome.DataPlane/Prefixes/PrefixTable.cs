using System.Net;

namespace DualHome.DataPlane.Prefixes;

/// <summary>
/// Longest-prefix match over IPv6 prefixes of length 0..128, one hash table per populated length, searched longest
/// first. A lookup allocates nothing and costs one hash probe per populated length (a site has a handful).
/// Bits past a prefix's length are ignored, as RFC 4861 §4.6.2 has receivers do.
/// Not synchronised: the forwarder reads tables inside an immutable <c>ForwarderConfig</c> snapshot, so a table
/// is never changed while packets are looked up in it (build a new one, or <see cref="Clone"/> and change that).
/// </summary>
public sealed class PrefixTable<T>
{
    private readonly Dictionary<UInt128, T>?[] _byLength = new Dictionary<UInt128, T>?[Ipv6Key.MaxPrefixLength + 1];
    private int[] _lengths = []; // populated lengths, longest first

    public int Count { get; private set; }

    /// <summary>Adds a prefix; false (table unchanged) when it is already present.</summary>
    public bool Add(ReadOnlySpan<byte> prefix, int length, T value) => Add(Key(prefix, length), length, value);

    /// <summary>Changes an existing prefix's value; false when it is absent.</summary>
    public bool Replace(ReadOnlySpan<byte> prefix, int length, T value) => Replace(Key(prefix, length), length, value);

    /// <summary>Removes a prefix; false when it is absent.</summary>
    public bool Remove(ReadOnlySpan<byte> prefix, int length) => Remove(Key(prefix, length), length);

    public bool Add(IPNetwork prefix, T value) => Add(Key(prefix), prefix.PrefixLength, value);
    public bool Replace(IPNetwork prefix, T value) => Replace(Key(prefix), prefix.PrefixLength, value);
    public bool Remove(IPNetwork prefix) => Remove(Key(prefix), prefix.PrefixLength);

    /// <summary>The value stored for exactly this prefix.</summary>
    public bool TryGetExact(IPNetwork prefix, out T value)
    {
        value = default!;
        return _byLength[prefix.PrefixLength]?.TryGetValue(Key(prefix), out value!) == true;
    }

    /// <summary>Longest-prefix match; false for no match or an address that is not 16 bytes.</summary>
    public bool TryLookup(ReadOnlySpan<byte> address, out T value) => TryLookup(address, out value, out _);

    /// <inheritdoc cref="TryLookup(ReadOnlySpan{byte}, out T)"/>
    public bool TryLookup(ReadOnlySpan<byte> address, out T value, out int prefixLength)
    {
        if (Ipv6Key.TryRead(address, out UInt128 key))
            return TryLookup(key, out value, out prefixLength);
        value = default!;
        prefixLength = -1;
        return false;
    }

    /// <summary>Longest-prefix match on an address in <see cref="Ipv6Key"/> form.</summary>
    public bool TryLookup(UInt128 address, out T value, out int prefixLength)
    {
        foreach (int length in _lengths)
        {
            if (_byLength[length]!.TryGetValue(address & Ipv6Key.Mask(length), out value!))
            {
                prefixLength = length;
                return true;
            }
        }
        value = default!;
        prefixLength = -1;
        return false;
    }

    /// <summary>True when some prefix covers <paramref name="address"/>.</summary>
    public bool Covers(ReadOnlySpan<byte> address) => TryLookup(address, out _, out _);

    /// <summary>Every prefix with its value, longest first (for show commands and tests).</summary>
    public IEnumerable<KeyValuePair<IPNetwork, T>> Entries =>
        _lengths.SelectMany(length => _byLength[length]!.Select(entry =>
            KeyValuePair.Create(new IPNetwork(Ipv6Key.ToAddress(entry.Key), length), entry.Value)));

    /// <summary>An independent copy (values copied as they are).</summary>
    public PrefixTable<T> Clone()
    {
        var copy = new PrefixTable<T>();
        foreach (int length in _lengths)
            copy._byLength[length] = new Dictionary<UInt128, T>(_byLength[length]!, Ipv6KeyComparer.Instance);
        copy._lengths = (int[])_lengths.Clone();
        copy.Count = Count;
        return copy;
    }

    private bool Add(UInt128 key, int length, T value)
    {
        Dictionary<UInt128, T>? table = _byLength[length];
        if (table is null)
            _byLength[length] = table = new Dictionary<UInt128, T>(Ipv6KeyComparer.Instance);
        if (!table.TryAdd(key, value))
            return false;
        Count++;
        if (table.Count == 1)
            RebuildLengths();
        return true;
    }

    private bool Replace(UInt128 key, int length, T value)
    {
        Dictionary<UInt128, T>? table = _byLength[length];
        if (table is null || !table.ContainsKey(key))
            return false;
        table[key] = value;
        return true;
    }

    private bool Remove(UInt128 key, int length)
    {
        Dictionary<UInt128, T>? table = _byLength[length];
        if (table is null || !table.Remove(key))
            return false;
        Count--;
        if (table.Count == 0)
        {
            _byLength[length] = null;
            RebuildLengths();
        }
        return true;
    }

    private void RebuildLengths() =>
        _lengths = Enumerable.Range(0, Ipv6Key.MaxPrefixLength + 1).Reverse().Where(l => _byLength[l] is not null).ToArray();

    private static UInt128 Key(ReadOnlySpan<byte> prefix, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, Ipv6Key.MaxPrefixLength);
        if (!Ipv6Key.TryRead(prefix, out UInt128 key))
            throw new ArgumentException($"An IPv6 prefix is 16 bytes, got {prefix.Length}.", nameof(prefix));
        return key & Ipv6Key.Mask(length);
    }

    private static UInt128 Key(IPNetwork prefix) => Ipv6Key.From(prefix.BaseAddress) & Ipv6Key.Mask(prefix.PrefixLength);
}
