//! WAV files in memory: mono 16-bit PCM, written for Bevy to play and read back, with an
//! error for each way a file can be malformed.

use std::fmt;

/// Bytes before the samples in a file written by [`encode_wav_pcm16`].
pub const WAV_HEADER_BYTES: usize = 44;

/// The most samples one WAV file can hold (its sizes are 32-bit).
pub const MAX_WAV_SAMPLES: usize = ((u32::MAX - 36) / 2) as usize;

/// A mono 16-bit PCM WAV file (RIFF, `fmt `, `data`) in memory.
///
/// Samples are clamped to `-1.0..=1.0` and scaled by 32767 with rounding; NaN becomes 0. No
/// dither. Samples beyond [`MAX_WAV_SAMPLES`] are left out, since RIFF sizes are 32-bit.
pub fn encode_wav_pcm16(samples: &[f32], sample_rate: u32) -> Vec<u8> {
    let samples = &samples[..samples.len().min(MAX_WAV_SAMPLES)];
    let data_len = u32::try_from(samples.len() * 2).unwrap_or(u32::MAX - 36);
    let mut out = Vec::with_capacity(WAV_HEADER_BYTES + samples.len() * 2);
    out.extend_from_slice(b"RIFF");
    out.extend_from_slice(&(36 + data_len).to_le_bytes());
    out.extend_from_slice(b"WAVE");
    out.extend_from_slice(b"fmt ");
    out.extend_from_slice(&16u32.to_le_bytes());
    out.extend_from_slice(&1u16.to_le_bytes()); // PCM
    out.extend_from_slice(&1u16.to_le_bytes()); // mono
    out.extend_from_slice(&sample_rate.to_le_bytes());
    out.extend_from_slice(&sample_rate.saturating_mul(2).to_le_bytes()); // bytes per second
    out.extend_from_slice(&2u16.to_le_bytes()); // bytes per sample frame
    out.extend_from_slice(&16u16.to_le_bytes()); // bits per sample
    out.extend_from_slice(b"data");
    out.extend_from_slice(&data_len.to_le_bytes());
    for &sample in samples {
        let value = if sample.is_nan() {
            0
        } else {
            (sample.clamp(-1.0, 1.0) * 32767.0).round() as i16
        };
        out.extend_from_slice(&value.to_le_bytes());
    }
    out
}

/// Why bytes are not a mono 16-bit PCM WAV file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WavError {
    /// Fewer than the 12 bytes of a RIFF/WAVE header.
    TooShort {
        len: usize,
    },
    /// The file does not start with `RIFF`.
    NotRiff,
    /// The RIFF form type is not `WAVE`.
    NotWave,
    /// A chunk (or the RIFF container) claims more bytes than the file has.
    Truncated {
        chunk: String,
        declared: u64,
        available: u64,
    },
    /// The `fmt ` chunk is shorter than its 16 required bytes.
    FmtTooShort {
        len: u32,
    },
    /// Not integer PCM (format tag 1).
    UnsupportedFormat {
        tag: u16,
    },
    UnsupportedChannels {
        channels: u16,
    },
    UnsupportedBitsPerSample {
        bits: u16,
    },
    ZeroSampleRate,
    /// Byte rate or block align disagree with 16-bit mono at the given sample rate.
    InconsistentFmt {
        sample_rate: u32,
        byte_rate: u32,
        block_align: u16,
    },
    /// A `data` chunk before any `fmt ` chunk.
    DataBeforeFmt,
    /// 16-bit samples need an even number of data bytes.
    OddDataLength {
        len: u32,
    },
    /// A required chunk (`fmt ` or `data`) is absent.
    MissingChunk {
        chunk: &'static str,
    },
}

impl fmt::Display for WavError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WavError::TooShort { len } => write!(
                f,
                "not a WAV file: {len} bytes is shorter than the 12-byte RIFF/WAVE header"
            ),
            WavError::NotRiff => f.write_str("not a WAV file: it does not start with \"RIFF\""),
            WavError::NotWave => {
                f.write_str("not a WAV file: the RIFF form type (bytes 8-11) is not \"WAVE\"")
            }
            WavError::Truncated {
                chunk,
                declared,
                available,
            } => write!(
                f,
                "truncated WAV: the \"{chunk}\" chunk declares {declared} bytes but only \
                 {available} remain"
            ),
            WavError::FmtTooShort { len } => write!(
                f,
                "bad WAV header: the \"fmt \" chunk has {len} bytes, PCM needs at least 16"
            ),
            WavError::UnsupportedFormat { tag } => write!(
                f,
                "unsupported WAV encoding: format tag {tag}, only 1 (integer PCM) is supported"
            ),
            WavError::UnsupportedChannels { channels } => write!(
                f,
                "unsupported WAV: {channels} channels, only mono (1) is supported"
            ),
            WavError::UnsupportedBitsPerSample { bits } => write!(
                f,
                "unsupported WAV: {bits} bits per sample, only 16 is supported"
            ),
            WavError::ZeroSampleRate => f.write_str("bad WAV header: the sample rate is 0 Hz"),
            WavError::InconsistentFmt {
                sample_rate,
                byte_rate,
                block_align,
            } => write!(
                f,
                "bad WAV header: 16-bit mono at {sample_rate} Hz needs a byte rate of {} and a \
                 block align of 2, found {byte_rate} and {block_align}",
                u64::from(*sample_rate) * 2
            ),
            WavError::DataBeforeFmt => {
                f.write_str("bad WAV file: the \"data\" chunk comes before the \"fmt \" chunk")
            }
            WavError::OddDataLength { len } => write!(
                f,
                "bad WAV file: {len} data bytes is odd, but 16-bit samples take 2 bytes each"
            ),
            WavError::MissingChunk { chunk } => {
                write!(f, "bad WAV file: no \"{chunk}\" chunk")
            }
        }
    }
}

impl std::error::Error for WavError {}

fn le_u16(bytes: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([bytes[at], bytes[at + 1]])
}

fn le_u32(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

/// Checks a `fmt ` chunk's body (`len` bytes) describes mono 16-bit PCM and returns its sample
/// rate.
fn read_fmt_chunk(body: &[u8], len: u32) -> Result<u32, WavError> {
    if len < 16 {
        return Err(WavError::FmtTooShort { len });
    }
    let tag = le_u16(body, 0);
    let channels = le_u16(body, 2);
    let rate = le_u32(body, 4);
    let byte_rate = le_u32(body, 8);
    let block_align = le_u16(body, 12);
    let bits = le_u16(body, 14);
    if tag != 1 {
        return Err(WavError::UnsupportedFormat { tag });
    }
    if channels != 1 {
        return Err(WavError::UnsupportedChannels { channels });
    }
    if bits != 16 {
        return Err(WavError::UnsupportedBitsPerSample { bits });
    }
    if rate == 0 {
        return Err(WavError::ZeroSampleRate);
    }
    if u64::from(byte_rate) != u64::from(rate) * 2 || block_align != 2 {
        return Err(WavError::InconsistentFmt {
            sample_rate: rate,
            byte_rate,
            block_align,
        });
    }
    Ok(rate)
}

/// Reads a mono 16-bit PCM WAV file: `(sample_rate, samples)`. Unknown chunks (e.g. `LIST`) are
/// skipped; anything that is not mono 16-bit PCM, or whose sizes do not fit the bytes given, is
/// an error that says what is wrong.
pub fn decode_wav_pcm16(bytes: &[u8]) -> Result<(u32, Vec<i16>), WavError> {
    if bytes.len() < 12 {
        return Err(WavError::TooShort { len: bytes.len() });
    }
    if &bytes[0..4] != b"RIFF" {
        return Err(WavError::NotRiff);
    }
    if &bytes[8..12] != b"WAVE" {
        return Err(WavError::NotWave);
    }
    let riff_len = u64::from(le_u32(bytes, 4));
    let available = bytes.len() as u64 - 8;
    if riff_len > available {
        return Err(WavError::Truncated {
            chunk: "RIFF".to_string(),
            declared: riff_len,
            available,
        });
    }
    // riff_len ≤ bytes.len() - 8, so this fits in usize.
    let end = 8 + riff_len as usize;
    let mut sample_rate = None;
    let mut pos = 12;
    while pos < end {
        if end - pos < 8 {
            return Err(WavError::Truncated {
                chunk: "chunk header".to_string(),
                declared: 8,
                available: (end - pos) as u64,
            });
        }
        let id = &bytes[pos..pos + 4];
        let name = String::from_utf8_lossy(id).into_owned();
        let len = le_u32(bytes, pos + 4);
        let body_start = pos + 8;
        let left = (end - body_start) as u64;
        if u64::from(len) > left {
            return Err(WavError::Truncated {
                chunk: name,
                declared: u64::from(len),
                available: left,
            });
        }
        let body = &bytes[body_start..body_start + len as usize];
        match id {
            b"fmt " => sample_rate = Some(read_fmt_chunk(body, len)?),
            b"data" => {
                let Some(rate) = sample_rate else {
                    return Err(WavError::DataBeforeFmt);
                };
                if !len.is_multiple_of(2) {
                    return Err(WavError::OddDataLength { len });
                }
                let samples = body
                    .chunks_exact(2)
                    .map(|pair| i16::from_le_bytes([pair[0], pair[1]]))
                    .collect();
                return Ok((rate, samples));
            }
            _ => {}
        }
        // Chunks are padded to an even length.
        pos = body_start + len as usize + (len as usize & 1);
    }
    Err(WavError::MissingChunk {
        chunk: if sample_rate.is_some() {
            "data"
        } else {
            "fmt "
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::audio::model::synth::{SAMPLE_RATE, door_slam};

    #[test]
    fn wav_round_trip_and_header_fields() {
        let samples = [0.0, 0.5, -0.5, 1.0, -1.0, 2.0, -3.0, f32::NAN, 0.25];
        let bytes = encode_wav_pcm16(&samples, SAMPLE_RATE);
        assert_eq!(bytes.len(), WAV_HEADER_BYTES + samples.len() * 2);
        assert_eq!(&bytes[0..4], b"RIFF");
        assert_eq!(le_u32(&bytes, 4) as usize, bytes.len() - 8);
        assert_eq!(&bytes[8..12], b"WAVE");
        assert_eq!(&bytes[12..16], b"fmt ");
        assert_eq!(le_u32(&bytes, 16), 16);
        assert_eq!(le_u16(&bytes, 20), 1, "PCM");
        assert_eq!(le_u16(&bytes, 22), 1, "mono");
        assert_eq!(le_u32(&bytes, 24), 48_000);
        assert_eq!(le_u32(&bytes, 28), 96_000, "byte rate");
        assert_eq!(le_u16(&bytes, 32), 2, "block align");
        assert_eq!(le_u16(&bytes, 34), 16, "bits");
        assert_eq!(&bytes[36..40], b"data");
        assert_eq!(le_u32(&bytes, 40) as usize, samples.len() * 2);

        let (rate, decoded) = decode_wav_pcm16(&bytes).expect("own WAV decodes");
        assert_eq!(rate, SAMPLE_RATE);
        assert_eq!(
            decoded,
            vec![0, 16384, -16384, 32767, -32767, 32767, -32767, 0, 8192]
        );

        let slam = door_slam(3);
        let (_, decoded) = decode_wav_pcm16(&encode_wav_pcm16(&slam, SAMPLE_RATE)).expect("slam");
        assert_eq!(decoded.len(), slam.len());
        for (d, s) in decoded.iter().zip(&slam) {
            assert!((f32::from(*d) / 32767.0 - s).abs() <= 0.5 / 32767.0 + 1e-6);
        }
        assert_eq!(
            decode_wav_pcm16(&encode_wav_pcm16(&[], 44_100)),
            Ok((44_100, vec![]))
        );
    }

    #[test]
    fn decoder_skips_unknown_chunks_with_padding() {
        let bytes = encode_wav_pcm16(&[0.5, -0.5], SAMPLE_RATE);
        let mut with_list = bytes[..36].to_vec();
        with_list.extend_from_slice(b"LIST");
        with_list.extend_from_slice(&3u32.to_le_bytes());
        with_list.extend_from_slice(b"abc\0"); // 3 bytes + pad
        with_list.extend_from_slice(&bytes[36..]);
        let riff = (with_list.len() - 8) as u32;
        with_list[4..8].copy_from_slice(&riff.to_le_bytes());
        assert_eq!(
            decode_wav_pcm16(&with_list),
            Ok((SAMPLE_RATE, vec![16384, -16384]))
        );
    }

    #[test]
    fn malformed_wav_is_rejected_with_a_clear_error() {
        let good = encode_wav_pcm16(&[0.1, 0.2, 0.3], SAMPLE_RATE);
        let patched = |at: usize, value: &[u8]| {
            let mut b = good.clone();
            b[at..at + value.len()].copy_from_slice(value);
            b
        };
        let cases: Vec<(Vec<u8>, WavError)> = vec![
            (vec![], WavError::TooShort { len: 0 }),
            (b"RIFF1234WAV".to_vec(), WavError::TooShort { len: 11 }),
            (patched(0, b"RIFX"), WavError::NotRiff),
            (patched(8, b"AVI "), WavError::NotWave),
            (
                patched(20, &3u16.to_le_bytes()),
                WavError::UnsupportedFormat { tag: 3 },
            ),
            (
                patched(22, &2u16.to_le_bytes()),
                WavError::UnsupportedChannels { channels: 2 },
            ),
            (
                patched(34, &8u16.to_le_bytes()),
                WavError::UnsupportedBitsPerSample { bits: 8 },
            ),
            (patched(24, &0u32.to_le_bytes()), WavError::ZeroSampleRate),
            (
                patched(28, &1u32.to_le_bytes()),
                WavError::InconsistentFmt {
                    sample_rate: 48_000,
                    byte_rate: 1,
                    block_align: 2,
                },
            ),
            (
                patched(16, &8u32.to_le_bytes()),
                WavError::FmtTooShort { len: 8 },
            ),
            (
                good[..good.len() - 1].to_vec(),
                WavError::Truncated {
                    chunk: "RIFF".to_string(),
                    declared: 42,
                    available: 41,
                },
            ),
            (patched(12, b"junk"), WavError::DataBeforeFmt),
        ];
        for (bytes, expected) in cases {
            let err = decode_wav_pcm16(&bytes).expect_err("malformed");
            assert_eq!(err, expected);
            assert!(!err.to_string().is_empty());
        }

        // A data chunk claiming more bytes than the file has.
        let mut long_data = good.clone();
        long_data[40..44].copy_from_slice(&100u32.to_le_bytes());
        let err = decode_wav_pcm16(&long_data).expect_err("truncated data");
        assert!(
            matches!(err, WavError::Truncated { ref chunk, declared: 100, available: 6 } if chunk == "data")
        );
        assert!(
            err.to_string()
                .contains("\"data\" chunk declares 100 bytes"),
            "{err}"
        );

        // Odd data length (RIFF size kept consistent).
        let mut odd = good[..good.len() - 1].to_vec();
        odd[40..44].copy_from_slice(&5u32.to_le_bytes());
        let riff = (odd.len() - 8) as u32;
        odd[4..8].copy_from_slice(&riff.to_le_bytes());
        assert_eq!(
            decode_wav_pcm16(&odd),
            Err(WavError::OddDataLength { len: 5 })
        );

        // Header only, no data chunk.
        let mut no_data = good[..36].to_vec();
        no_data[4..8].copy_from_slice(&28u32.to_le_bytes());
        assert_eq!(
            decode_wav_pcm16(&no_data),
            Err(WavError::MissingChunk { chunk: "data" })
        );
    }
}
