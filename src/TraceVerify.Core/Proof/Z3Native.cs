using System.Reflection;
using System.Runtime.InteropServices;

namespace TraceVerify.Proof;

// The slice of Z3's C API that TraceVerify needs. Only Z3Solver may call these: a context is not
// thread-safe and must be freed exactly once, which that class alone guarantees.
//
// Returned Z3_string values point into buffers owned by the context and are overwritten by the next
// call, so they are returned as raw pointers and copied at once (a string return type would make the
// marshaller free memory that Z3 owns).
internal static partial class Z3Native
{
    private const string LibraryName = "z3";

    // Debian ships the runtime as libz3.so.4; the unversioned libz3.so exists only with libz3-dev.
    private static readonly string[] Candidates = ["libz3.so.4", "libz3.so", "libz3.dylib", "libz3.dll", "z3"];

    // The runtime allows one resolver per assembly; any other native library this assembly binds must be
    // added to Resolve rather than registered separately (a second registration throws).
    static Z3Native() => NativeLibrary.SetDllImportResolver(typeof(Z3Native).Assembly, Resolve);

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        // Other native names keep the runtime's default probing.
        if (libraryName != LibraryName) return IntPtr.Zero;
        foreach (var candidate in Candidates)
        {
            if (NativeLibrary.TryLoad(candidate, assembly, searchPath, out var handle)) return handle;
        }
        throw new DllNotFoundException(
            $"Z3 native library not found (tried {string.Join(", ", Candidates)}); install libz3-4.");
    }

    // Z3_error_code values this binding distinguishes; the rest are reported by number.
    public const int ErrorOk = 0;

    [LibraryImport(LibraryName)]
    public static partial void Z3_get_version(out uint major, out uint minor, out uint buildNumber, out uint revisionNumber);

    [LibraryImport(LibraryName)]
    public static partial IntPtr Z3_mk_config();

    [LibraryImport(LibraryName)]
    public static partial void Z3_del_config(IntPtr config);

    [LibraryImport(LibraryName)]
    public static partial IntPtr Z3_mk_context_rc(IntPtr config);

    [LibraryImport(LibraryName)]
    public static partial void Z3_del_context(IntPtr context);

    // A null handler makes Z3 record errors in the context instead of calling its default handler,
    // which prints and exits the process.
    [LibraryImport(LibraryName)]
    public static partial void Z3_set_error_handler(IntPtr context, IntPtr handler);

    [LibraryImport(LibraryName)]
    public static partial int Z3_get_error_code(IntPtr context);

    [LibraryImport(LibraryName)]
    public static partial IntPtr Z3_get_error_msg(IntPtr context, int errorCode);

    // Meant to be called from another thread while the context is busy: it raises the context's cancel
    // flag, and the running command stops with reason "canceled".
    [LibraryImport(LibraryName)]
    public static partial void Z3_interrupt(IntPtr context);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr Z3_eval_smtlib2_string(IntPtr context, string script);

    public static string CopyString(IntPtr z3String) => Marshal.PtrToStringUTF8(z3String) ?? string.Empty;
}
