#include "core/io/NativePath.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <cerrno>
#include <cstdlib>

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pal {
namespace {

constexpr char16_t kEscapeBase = 0xDC00; // a byte b that is not valid UTF-8 -> U+DC00 + b

// The length of the valid UTF-8 sequence at s[i], or 0 when the bytes there are not one
// (overlong forms, encoded surrogates and code points past U+10FFFF are invalid too).
int validSequence(const unsigned char* s, qsizetype i, qsizetype n, char32_t& cp) {
    const unsigned char b = s[i];
    int len = 0;
    char32_t min = 0;
    if (b < 0x80) {
        cp = b;
        return 1;
    }
    if ((b & 0xE0) == 0xC0) {
        len = 2, cp = b & 0x1F, min = 0x80;
    } else if ((b & 0xF0) == 0xE0) {
        len = 3, cp = b & 0x0F, min = 0x800;
    } else if ((b & 0xF8) == 0xF0) {
        len = 4, cp = b & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (i + len > n) {
        return 0;
    }
    for (int k = 1; k < len; ++k) {
        if ((s[i + k] & 0xC0) != 0x80) {
            return 0;
        }
        cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return 0;
    }
    return len;
}

} // namespace

QString pathFromNative(const QByteArray& bytes) {
    const auto* s = reinterpret_cast<const unsigned char*>(bytes.constData());
    const qsizetype n = bytes.size();
    QString out;
    out.reserve(n);
    for (qsizetype i = 0; i < n;) {
        char32_t cp = 0;
        const int len = validSequence(s, i, n, cp);
        if (len == 0) {
            out.append(QChar(char16_t(kEscapeBase + s[i])));
            ++i;
            continue;
        }
        if (cp >= 0x10000) {
            const char32_t v = cp - 0x10000;
            out.append(QChar(char16_t(0xD800 + (v >> 10))));
            out.append(QChar(char16_t(0xDC00 + (v & 0x3FF))));
        } else {
            out.append(QChar(char16_t(cp)));
        }
        i += len;
    }
    return out;
}

QByteArray nativePath(const QString& path) {
    if (path.contains(QChar(u'\0'))) {
        return {}; // cut at the NUL, it would name another file
    }
    QByteArray out;
    out.reserve(path.size());
    auto put = [&out](char32_t cp) {
        if (cp < 0x80) {
            out.append(char(cp));
        } else if (cp < 0x800) {
            out.append(char(0xC0 | (cp >> 6))).append(char(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            out.append(char(0xE0 | (cp >> 12)))
                .append(char(0x80 | ((cp >> 6) & 0x3F)))
                .append(char(0x80 | (cp & 0x3F)));
        } else {
            out.append(char(0xF0 | (cp >> 18)))
                .append(char(0x80 | ((cp >> 12) & 0x3F)))
                .append(char(0x80 | ((cp >> 6) & 0x3F)))
                .append(char(0x80 | (cp & 0x3F)));
        }
    };
    const qsizetype n = path.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = path.at(i).unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < n &&
            QChar::isLowSurrogate(path.at(i + 1).unicode())) {
            put(QChar::surrogateToUcs4(c, path.at(i + 1).unicode()));
            ++i;
        } else if (c >= kEscapeBase + 0x80 && c <= kEscapeBase + 0xFF) {
            out.append(char(c - kEscapeBase)); // an escaped byte
        } else if (QChar::isSurrogate(c)) {
            put(0xFFFD); // no name decodes to this
        } else {
            put(c);
        }
    }
    return out;
}

QString absolutePath(const QString& path) {
    if (path.startsWith(QLatin1Char('/'))) {
        return QDir::cleanPath(path);
    }
    QString cwd;
    if (char* here = ::getcwd(nullptr, 0)) {
        cwd = pathFromNative(QByteArray(here));
        std::free(here);
    }
    return QDir::cleanPath(cwd + QLatin1Char('/') + path);
}

QString folderOf(const QString& path) {
    return QFileInfo(absolutePath(path)).path();
}

QString canonicalPath(const QString& path) {
    char* real = ::realpath(nativePath(path).constData(), nullptr);
    if (!real) {
        return absolutePath(path);
    }
    QString out = pathFromNative(QByteArray(real));
    std::free(real);
    return out;
}

bool fileStamp(const QString& path, qint64& size, qint64& modifiedMs) {
    struct stat st {};
    if (::stat(nativePath(path).constData(), &st) != 0) {
        return false;
    }
    size = st.st_size;
    modifiedMs = qint64(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1000000;
    return true;
}

PathKind pathKind(const QString& path) {
    struct stat st {};
    if (::stat(nativePath(path).constData(), &st) != 0) {
        return PathKind::Missing;
    }
    if (S_ISREG(st.st_mode)) {
        return PathKind::File;
    }
    return S_ISDIR(st.st_mode) ? PathKind::Folder : PathKind::Other;
}

QStringList folderEntries(const QString& folder, PathKind kind) {
    QStringList names;
    DIR* dir = ::opendir(nativePath(folder).constData());
    if (!dir) {
        return names;
    }
    const QString prefix = folder.endsWith(QLatin1Char('/')) ? folder : folder + QLatin1Char('/');
    while (const dirent* e = ::readdir(dir)) {
        if (e->d_name[0] == '.') {
            continue; // hidden, and "." and ".."
        }
        const QString name = pathFromNative(QByteArray(e->d_name));
        if (pathKind(prefix + name) == kind) {
            names.append(name);
        }
    }
    ::closedir(dir);
    std::sort(names.begin(), names.end());
    return names;
}

bool makeFolders(const QString& folder) {
    const QByteArray path = nativePath(folder);
    for (qsizetype i = 1; i <= path.size(); ++i) {
        if (i == path.size() || path.at(i) == '/') {
            const QByteArray part = path.left(i);
            if (::mkdir(part.constData(), 0777) != 0 && errno != EEXIST) {
                return false;
            }
        }
    }
    return pathKind(folder) == PathKind::Folder;
}

} // namespace pal
