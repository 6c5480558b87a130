#include "ui/review/Reviewer.h"

#include <QSettings>

#include <pwd.h>
#include <unistd.h>

namespace pal::ui {

namespace {
constexpr const char* kKey = "review/reviewerName";
}

QString loginName() {
    // A session started without a login shell has no $USER.
    QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    if (user.isEmpty()) {
        if (const passwd* account = getpwuid(getuid()); account != nullptr) {
            user = QString::fromLocal8Bit(account->pw_name);
        }
    }
    return user.isEmpty() ? QStringLiteral("unknown user") : user;
}

QString configuredReviewerName() {
    return QSettings().value(QLatin1String(kKey)).toString().trimmed();
}

QString reviewerName() {
    const QString name = configuredReviewerName();
    return name.isEmpty() ? loginName() : name;
}

void setReviewerName(const QString& name) {
    QSettings settings;
    if (name.trimmed().isEmpty()) {
        settings.remove(QLatin1String(kKey));
    } else {
        settings.setValue(QLatin1String(kKey), name.trimmed());
    }
}

} // namespace pal::ui
