// Runs the functions of Include/Tradeloom/Json.mqh, compiled as C++ against
// mql5-string-shim.hpp (json-mqh.test.ts). One command per input line, fields separated by
// tabs, every string as UTF-16 code units in hex (4 digits each); one answer line per command.
#include "mql5-string-shim.hpp"
#include "Json.mqh"

#include <iostream>
#include <sstream>
#include <vector>

static string fromHex(const std::string &hex) {
  std::u16string units;
  for (size_t i = 0; i + 4 <= hex.size(); i += 4)
    units.push_back((char16_t)std::stoi(hex.substr(i, 4), nullptr, 16));
  return string(units);
}

static std::string toHex(const string &text) {
  std::string out;
  char buffer[8];
  for (char16_t unit : text.s) {
    std::snprintf(buffer, sizeof buffer, "%04x", (unsigned)unit);
    out += buffer;
  }
  return out;
}

static std::string answer(const std::vector<std::string> &f) {
  const std::string &command = f[0];
  if (command == "quote") return toHex(TlJsonQuote(fromHex(f[1])));
  if (command == "unquote") {
    string value;
    return TlJsonUnquote(fromHex(f[1]), value) ? "ok\t" + toHex(value) : "fail";
  }
  if (command == "string") {
    string value;
    return TlJsonGetString(fromHex(f[1]), fromHex(f[2]), value) ? "ok\t" + toHex(value) : "fail";
  }
  if (command == "object") {
    string raw;
    return TlJsonGetObject(fromHex(f[1]), fromHex(f[2]), raw) ? "ok\t" + toHex(raw) : "fail";
  }
  if (command == "long") {
    long value = 0;
    return TlJsonGetLong(fromHex(f[1]), fromHex(f[2]), value) ? "ok\t" + std::to_string(value) : "fail";
  }
  if (command == "number") {
    double value = 0;
    char buffer[64];
    if (!TlJsonGetNumber(fromHex(f[1]), fromHex(f[2]), value)) return "fail";
    std::snprintf(buffer, sizeof buffer, "%.17g", value);
    return std::string("ok\t") + buffer;
  }
  if (command == "bool") {
    bool value = false;
    return TlJsonGetBool(fromHex(f[1]), fromHex(f[2]), value) ? (value ? "ok\ttrue" : "ok\tfalse") : "fail";
  }
  if (command == "format") return toHex(TlJsonNumber(std::strtod(f[1].c_str(), nullptr), std::stoi(f[2])));
  if (command == "ticket") return toHex(TlJsonTicket(std::strtoul(f[1].c_str(), nullptr, 10)));
  if (command == "writer") {
    // Every member kind, a nested object, and the caller's string as value and as key.
    TlJsonWriter inner;
    TlJsonBegin(inner);
    TlJsonAddString(inner, "message", fromHex(f[1]));
    TlJsonWriter w;
    TlJsonBegin(w);
    TlJsonAddString(w, "text", fromHex(f[1]));
    TlJsonAddString(w, fromHex(f[1]), "as a key");
    TlJsonAddLong(w, "long", -9007199254740991L);
    TlJsonAddDouble(w, "price", 1.234567, 5);
    TlJsonAddDouble(w, "nan", std::nan(""), 2);
    TlJsonAddBool(w, "yes", true);
    TlJsonAddBool(w, "no", false);
    TlJsonAddRaw(w, "ticket", TlJsonTicket(18446744073709551615UL));
    TlJsonAddRaw(w, "inner", TlJsonEnd(inner));
    TlJsonAddRaw(w, "empty", "[]");
    return toHex(TlJsonEnd(w));
  }
  return "unknown command " + command;
}

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    std::vector<std::string> fields;
    std::stringstream stream(line);
    std::string field;
    while (std::getline(stream, field, '\t')) fields.push_back(field);
    if (fields.size() == 1 && line.back() == '\t') fields.push_back("");
    while (fields.size() < 3) fields.push_back("");
    std::cout << answer(fields) << "\n";
  }
  return 0;
}
