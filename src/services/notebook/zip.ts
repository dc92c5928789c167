// A .zip archive of already-compressed files: entries are stored (method 0), which every unzip
// tool reads; the MNIST files inside are gzipped already, so deflating them again gains nothing.
import { crc32 } from 'node:zlib'

export interface ZipEntry {
  /** Path inside the archive, '/'-separated (e.g. "mnist/t10k-labels-idx1-ubyte.gz"). */
  name: string
  data: Uint8Array
}

/** 1980-01-01 00:00 in DOS date/time: a fixed timestamp, so the same files make the same archive. */
const DOS_TIME = 0
const DOS_DATE = (0 << 9) | (1 << 5) | 1
/** General-purpose flag bit 11: names are UTF-8. */
const UTF8 = 0x0800

/**
 * The fields a local header and its central-directory entry share, from `at` on: version needed,
 * flags, method (stored), time, date, CRC-32, both sizes, name length.
 */
function shared(header: Buffer, at: number, crc: number, size: number, nameLength: number): void {
  header.writeUInt16LE(20, at)
  header.writeUInt16LE(UTF8, at + 2)
  header.writeUInt16LE(0, at + 4)
  header.writeUInt16LE(DOS_TIME, at + 6)
  header.writeUInt16LE(DOS_DATE, at + 8)
  header.writeUInt32LE(crc, at + 10)
  header.writeUInt32LE(size, at + 14)
  header.writeUInt32LE(size, at + 18)
  header.writeUInt16LE(nameLength, at + 22)
}

export function zip(entries: ZipEntry[]): Buffer {
  const parts: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8')
    const crc = crc32(entry.data)
    const size = entry.data.length
    // local header: signature, the shared fields, extra length 0
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    shared(local, 4, crc, size, name.length)
    parts.push(local, name, Buffer.from(entry.data.buffer, entry.data.byteOffset, size))
    // central entry: signature, version made by, the shared fields; extra, comment, disk and attributes 0; offset
    const dir = Buffer.alloc(46)
    dir.writeUInt32LE(0x02014b50, 0)
    dir.writeUInt16LE(20, 4)
    shared(dir, 6, crc, size, name.length)
    dir.writeUInt32LE(offset, 42)
    central.push(dir, name)
    offset += local.length + name.length + size
  }
  const dirSize = central.reduce((n, b) => n + b.length, 0)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(dirSize, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...parts, ...central, end])
}
