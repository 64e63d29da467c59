#pragma once
// The viewer's look: the panel and timeline sizes, its colours, playback
// speeds, and numbers as the read-outs write them.
#include <SFML/Graphics/Color.hpp>

#include <string>

namespace hearth::viz {

inline constexpr float kPanelWidth = 390.f;
inline constexpr float kTimelineHeight = 60.f;
inline constexpr double kSpeeds[] = {0.5, 1,  2,  4,
                                     8,   16, 32, 0};  // ticks per second; 0 = as fast as it goes
inline const sf::Color kBackground(22, 22, 26);
inline const sf::Color kPanel(34, 34, 40);
inline const sf::Color kText(230, 230, 230);
inline const sf::Color kDim(160, 160, 168);
inline const sf::Color kAccent(230, 159, 0);  // Okabe-Ito orange: current tick, selection, flows

// A value with `decimals` decimals (millions as "1.23M" when whole), "n/a" for NaN.
std::string format(double value, int decimals = 0);
// A share as a percentage with one decimal, "n/a" for NaN.
std::string percent(double share);

}  // namespace hearth::viz
