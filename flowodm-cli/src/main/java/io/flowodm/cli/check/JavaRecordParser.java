package io.flowodm.cli.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the record declarations in Java source text, top-level and nested, with the line of each
 * record's name and of each of its components' names. Enough of Java is understood for that:
 * comments, string and character literals and text blocks are skipped, annotations on components
 * (with their arguments) and generic types are stepped over, and {@code record} counts as a
 * declaration only where it is one ({@code record Name(} or {@code record Name<}), not where it is
 * a variable or method name.
 */
final class JavaRecordParser {

  /**
   * One record declaration.
   *
   * @param names the simple names from the top-level type down to this record
   * @param line the line (from 1) of the record's name
   * @param components each component's name and the line of that name, in declaration order
   */
  record Declaration(List<String> names, int line, Map<String, Integer> components) {}

  private record Token(String text, int line) {
    boolean is(String s) {
      return text.equals(s);
    }

    boolean identifier() {
      return Character.isJavaIdentifierStart(text.charAt(0));
    }
  }

  private JavaRecordParser() {}

  /** The records declared in {@code source}, in the order their names appear. */
  static List<Declaration> parse(String source) {
    List<Token> tokens = tokens(blank(source));
    List<Declaration> found = new ArrayList<>();
    Deque<String> types = new ArrayDeque<>(); // enclosing named types, innermost first
    Deque<Integer> typeDepths = new ArrayDeque<>(); // brace depth at which each one's body opened
    String pendingType = null;
    int depth = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.is("{")) {
        depth++;
        if (pendingType != null) {
          types.push(pendingType);
          typeDepths.push(depth);
          pendingType = null;
        }
      } else if (t.is("}")) {
        if (!typeDepths.isEmpty() && typeDepths.peek() == depth) {
          types.pop();
          typeDepths.pop();
        }
        depth--;
      } else if (isTypeKeyword(tokens, i)) {
        pendingType = tokens.get(i + 1).text();
      } else if (isRecordDeclaration(tokens, i)) {
        Token name = tokens.get(i + 1);
        List<String> names = new ArrayList<>(types.reversed());
        names.add(name.text());
        int open = i + 2;
        if (tokens.get(open).is("<")) {
          open = skipBalanced(tokens, open, "<", ">") + 1;
        }
        int close = skipBalanced(tokens, open, "(", ")");
        found.add(new Declaration(List.copyOf(names), name.line(), components(tokens, open + 1, close)));
        pendingType = name.text();
        i = close;
      }
    }
    return List.copyOf(found);
  }

  /** {@code class|interface|enum Name}, not {@code Foo.class} nor the {@code @interface} keyword's name. */
  private static boolean isTypeKeyword(List<Token> tokens, int i) {
    Token t = tokens.get(i);
    boolean keyword = t.is("class") || t.is("interface") || t.is("enum");
    if (!keyword || i + 1 >= tokens.size() || !tokens.get(i + 1).identifier()) {
      return false;
    }
    return i == 0 || !tokens.get(i - 1).is(".");
  }

  private static boolean isRecordDeclaration(List<Token> tokens, int i) {
    if (!tokens.get(i).is("record") || i + 2 >= tokens.size()) {
      return false;
    }
    if (i > 0 && (tokens.get(i - 1).is(".") || tokens.get(i - 1).is("@"))) {
      return false;
    }
    Token name = tokens.get(i + 1);
    Token next = tokens.get(i + 2);
    return name.identifier() && (next.is("(") || next.is("<"));
  }

  /** The index of the token that closes the bracket opened at {@code open}. */
  private static int skipBalanced(List<Token> tokens, int open, String opening, String closing) {
    int level = 0;
    for (int i = open; i < tokens.size(); i++) {
      if (tokens.get(i).is(opening)) {
        level++;
      } else if (tokens.get(i).is(closing) && --level == 0) {
        return i;
      }
    }
    return tokens.size() - 1;
  }

  /** Components between {@code from} and {@code to}: split at top-level commas; each one's name is its last identifier. */
  private static Map<String, Integer> components(List<Token> tokens, int from, int to) {
    Map<String, Integer> components = new LinkedHashMap<>();
    int parens = 0;
    int angles = 0;
    int braces = 0;
    Token last = null;
    for (int i = from; i < to; i++) {
      Token t = tokens.get(i);
      switch (t.text()) {
        case "(" -> parens++;
        case ")" -> parens--;
        case "{" -> braces++;
        case "}" -> braces--;
        case "<" -> angles += parens == 0 && braces == 0 ? 1 : 0;
        case ">" -> angles -= parens == 0 && braces == 0 ? 1 : 0;
        case "," -> {
          if (parens == 0 && angles == 0 && braces == 0 && last != null) {
            components.put(last.text(), last.line());
            last = null;
          }
        }
        default -> {
          boolean annotationName = i > 0 && tokens.get(i - 1).is("@");
          if (parens == 0 && angles == 0 && braces == 0 && t.identifier() && !annotationName) {
            last = t;
          }
        }
      }
    }
    if (last != null) {
      components.put(last.text(), last.line());
    }
    return components;
  }

  /** Identifiers (with keywords) and single-character symbols, each with its line. */
  private static List<Token> tokens(String text) {
    List<Token> tokens = new ArrayList<>();
    int line = 1;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        i++;
      } else if (Character.isWhitespace(c)) {
        i++;
      } else if (Character.isJavaIdentifierStart(c)) {
        int start = i;
        while (i < text.length() && Character.isJavaIdentifierPart(text.charAt(i))) {
          i++;
        }
        tokens.add(new Token(text.substring(start, i), line));
      } else if (Character.isDigit(c)) {
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '.')) {
          i++;
        }
      } else {
        tokens.add(new Token(String.valueOf(c), line));
        i++;
      }
    }
    return tokens;
  }

  /**
   * {@code source} with comments, string and character literals and text blocks replaced by
   * spaces, newlines kept, so that lines still count right.
   */
  static String blank(String source) {
    StringBuilder out = new StringBuilder(source.length());
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
        while (i < n && source.charAt(i) != '\n') {
          out.append(' ');
          i++;
        }
      } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
        int end = source.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        keepNewlines(source, i, end, out);
        i = end;
      } else if (source.startsWith("\"\"\"", i)) {
        int end = i + 3;
        while (end < n && !source.startsWith("\"\"\"", end)) {
          end += source.charAt(end) == '\\' ? 2 : 1;
        }
        end = Math.min(n, end + 3);
        out.append('"');
        keepNewlines(source, i + 1, end - 1, out);
        out.append('"');
        i = end;
      } else if (c == '"' || c == '\'') {
        int end = i + 1;
        while (end < n && source.charAt(end) != c && source.charAt(end) != '\n') {
          end += source.charAt(end) == '\\' ? 2 : 1;
        }
        end = Math.min(n, end + 1);
        out.append(c);
        keepNewlines(source, i + 1, end - 1, out);
        out.append(c);
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static void keepNewlines(String source, int from, int to, StringBuilder out) {
    for (int k = from; k < to && k < source.length(); k++) {
      out.append(source.charAt(k) == '\n' ? '\n' : ' ');
    }
  }
}
