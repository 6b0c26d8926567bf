using System.Net;
using System.Net.Sockets;
using System.Text;
using DualHome.Linux.Interop;
using DualHome.Linux.Netlink;

namespace DualHome.Linux.Bpf;

/// <summary>
/// <see cref="IngressDropProgram"/> loaded once and attached to each port, and the hash map of the router's own
/// addresses it passes to the kernel. Attached with a tcx link (BPF_LINK_CREATE, BPF_TCX_INGRESS, kernel 6.6+), which
/// lives as long as its descriptor: if the daemon dies, the kernel detaches the program and every frame reaches the
/// kernel again. Older kernels get a cls_bpf filter in direct-action mode on the clsact qdisc instead (what
/// <c>tc filter add … bpf da</c> does); that one outlives a killed daemon, so attaching replaces any earlier one and
/// <see cref="Dispose"/> removes it (call it in the namespace of the ports).
/// </summary>
public sealed unsafe class IngressDrop : IDisposable
{
    public const int MaxLocalAddresses = 1024;
    private const int LogBytes = 64 * 1024;
    private const string ProgramName = "dh_ingress";
    private static readonly byte[] License = "Dual MIT/GPL\0"u8.ToArray();
    private readonly SafeFdHandle _map;
    private readonly SafeFdHandle _program;
    private readonly List<SafeFdHandle> _links = [];
    private readonly List<int> _filters = [];
    private readonly HashSet<IPAddress> _local = [];

    private IngressDrop(SafeFdHandle map, SafeFdHandle program)
    {
        _map = map;
        _program = program;
    }

    /// <summary>The router's own addresses now in the map.</summary>
    public IReadOnlyCollection<IPAddress> LocalAddresses => _local;

    /// <summary>Creates the map and loads the program; a rejected program's exception carries the verifier's log.</summary>
    public static IngressDrop Load()
    {
        HostOrder.RequireLittleEndian(); // the program compares 16-bit loads with little-endian constants
        var attributes = new MapCreateAttributes { MapType = BpfSystem.MapTypeHash, KeySize = 16, ValueSize = 1, MaxEntries = MaxLocalAddresses };
        var map = BpfSystem.Open("bpf(BPF_MAP_CREATE)", BpfSystem.MapCreate, ref attributes);
        try
        {
            return new IngressDrop(map, LoadProgram(IngressDropProgram.Build(map.Fd)));
        }
        catch
        {
            map.Dispose();
            throw;
        }
    }

    /// <summary>The hook each attached port got, in order.</summary>
    public List<IngressHook> Hooks { get; } = [];

    /// <summary>A tcx link where the kernel has them, else the clsact filter.</summary>
    public IngressHook Attach(int interfaceIndex)
    {
        try
        {
            AttachLink(interfaceIndex);
            return Record(IngressHook.TcxLink);
        }
        catch (NativeErrorException e) when (e.Errno is Errno.EINVAL or Errno.EOPNOTSUPP)
        {
            AttachFilter(interfaceIndex); // before 6.6 the kernel has no BPF_TCX_INGRESS: EINVAL
            return Record(IngressHook.ClsactFilter);
        }
    }

    /// <summary>The clsact qdisc (added if missing) and the cls_bpf filter, replacing one a killed daemon left.</summary>
    public void AttachFilter(int interfaceIndex)
    {
        using var netlink = Rtnetlink.Open();
        netlink.AddClsact(interfaceIndex);
        netlink.ReplaceBpfIngressFilter(interfaceIndex, _program.Fd, ProgramName);
        _filters.Add(interfaceIndex);
    }

    private IngressHook Record(IngressHook hook)
    {
        Hooks.Add(hook);
        return hook;
    }

    public void AttachLink(int interfaceIndex)
    {
        var attributes = new LinkCreateAttributes
        {
            ProgramFd = (uint)_program.Fd, TargetInterfaceIndex = (uint)interfaceIndex, AttachType = BpfSystem.AttachTcxIngress,
        };
        _links.Add(BpfSystem.Open($"bpf(BPF_LINK_CREATE, tcx ingress of interface {interfaceIndex})", BpfSystem.LinkCreate, ref attributes));
    }

    /// <summary>Makes the map hold exactly <paramref name="addresses"/> (IPv6 only): new ones first, so an address
    /// that stays is never missing for a moment.</summary>
    public void SetLocalAddresses(IEnumerable<IPAddress> addresses)
    {
        var wanted = addresses.Where(a => a.AddressFamily == AddressFamily.InterNetworkV6).Select(WithoutScope).ToHashSet();
        foreach (var address in wanted.Where(a => !_local.Contains(a)))
            if (Update(address, delete: false)) _local.Add(address);
        foreach (var address in _local.Where(a => !wanted.Contains(a)).ToList())
            if (Update(address, delete: true)) _local.Remove(address);
    }

    public void Dispose()
    {
        foreach (var link in _links) link.Dispose(); // detach first: from here on the kernel sees every frame
        _links.Clear();
        RemoveFilters();
        _program.Dispose();
        _map.Dispose();
    }

    /// <summary>Best effort: a port that vanished took its filter with it.</summary>
    private void RemoveFilters()
    {
        if (_filters.Count == 0) return;
        try
        {
            using var netlink = Rtnetlink.Open();
            foreach (var index in _filters)
            {
                try { netlink.DeleteBpfIngressFilter(index); }
                catch (NativeErrorException) { }
            }
        }
        catch (NativeErrorException) { }
        _filters.Clear();
    }

    private bool Update(IPAddress address, bool delete)
    {
        byte* key = stackalloc byte[16];
        address.TryWriteBytes(new Span<byte>(key, 16), out _);
        byte value = 1;
        var attributes = new MapElementAttributes { MapFd = (uint)_map.Fd, Key = (ulong)key, Value = delete ? 0 : (ulong)&value, Flags = BpfSystem.UpdateAny };
        if (delete) return BpfSystem.TryCall(BpfSystem.MapDeleteElement, ref attributes) == 0;
        BpfSystem.Call($"bpf(BPF_MAP_UPDATE_ELEM, {address})", BpfSystem.MapUpdateElement, ref attributes);
        return true;
    }

    /// <summary>Loads without a log first (the usual case); a refusal is retried with the verifier's log for the error.</summary>
    private static SafeFdHandle LoadProgram(BpfInstruction[] code)
    {
        if (TryLoad(code, log: false, out var program, out _) == 0) return program!;
        int error = TryLoad(code, log: true, out program, out var verifier);
        return error == 0 ? program! : throw new NativeErrorException("bpf(BPF_PROG_LOAD, ingress drop)", error, verifier);
    }

    /// <summary>Returns the errno, 0 with <paramref name="program"/> set on success.</summary>
    private static int TryLoad(BpfInstruction[] code, bool log, out SafeFdHandle? program, out string verifier)
    {
        var buffer = log ? new byte[LogBytes] : [];
        fixed (BpfInstruction* instructions = code)
        fixed (byte* license = License, logBuffer = buffer)
        {
            var attributes = new ProgramLoadAttributes
            {
                ProgramType = BpfSystem.ProgramTypeSchedCls, InstructionCount = (uint)code.Length, Instructions = (ulong)instructions,
                License = (ulong)license, LogLevel = log ? 1u : 0u, LogSize = (uint)buffer.Length, LogBuffer = (ulong)logBuffer,
                NameLow = Name(ProgramName),
            };
            int error = BpfSystem.TryCall(BpfSystem.ProgramLoad, ref attributes, out int fd);
            verifier = Encoding.ASCII.GetString(buffer).TrimEnd('\0').Trim();
            program = error == 0 ? SafeFdHandle.Own(fd) : null;
            return error;
        }
    }

    /// <summary>The first 8 bytes of prog_name (shown by bpftool), little-endian.</summary>
    private static ulong Name(string name)
    {
        Span<byte> bytes = stackalloc byte[8];
        Encoding.ASCII.GetBytes(name.AsSpan(0, Math.Min(name.Length, 7)), bytes);
        return BitConverter.ToUInt64(bytes);
    }

    private static IPAddress WithoutScope(IPAddress address) =>
        address.ScopeId == 0 ? address : new IPAddress(address.GetAddressBytes());
}
