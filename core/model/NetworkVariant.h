#pragma once

// The network variants a model bundle can name ("architecture.variant"; docs/method.md,
// "Variants"): PAL-Net itself and the ablations its authors name. Each is a fixed network; no
// variant takes further parameters.

#include <QString>
#include <QStringList>

#include <optional>

namespace pal {

enum class NetworkVariant {
    Attention,     // "attention": PAL-Net as published (the default)
    NoAttention,   // "no-attention": without the three attention branches
    TopKAttention, // "top-k-attention": each branch averages its 10 % best-scoring positions
    TwoBlocks,     // "two-blocks": blocks 1 and 2 only (and their attention branches)
    NoDropout,     // "no-dropout": PAL-Net without the dropout before fc3
};

inline QString variantName(NetworkVariant v) {
    switch (v) {
    case NetworkVariant::Attention:
        return QStringLiteral("attention");
    case NetworkVariant::NoAttention:
        return QStringLiteral("no-attention");
    case NetworkVariant::TopKAttention:
        return QStringLiteral("top-k-attention");
    case NetworkVariant::TwoBlocks:
        return QStringLiteral("two-blocks");
    case NetworkVariant::NoDropout:
        return QStringLiteral("no-dropout");
    }
    return {};
}

inline QStringList variantNames() {
    return {QStringLiteral("attention"), QStringLiteral("no-attention"),
            QStringLiteral("top-k-attention"), QStringLiteral("two-blocks"),
            QStringLiteral("no-dropout")};
}

inline std::optional<NetworkVariant> variantFromName(const QString& name) {
    for (NetworkVariant v :
         {NetworkVariant::Attention, NetworkVariant::NoAttention, NetworkVariant::TopKAttention,
          NetworkVariant::TwoBlocks, NetworkVariant::NoDropout}) {
        if (variantName(v) == name) {
            return v;
        }
    }
    return std::nullopt;
}

} // namespace pal
