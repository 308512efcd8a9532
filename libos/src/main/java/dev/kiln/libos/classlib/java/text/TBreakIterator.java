package dev.kiln.libos.classlib.java.text;

import dev.kiln.libos.text.TextBoundaries;
import java.text.CharacterIterator;
import java.util.Locale;

/**
 * java.text.BreakIterator for native images (TeaVM has none): character, word, sentence and line
 * instances whose boundaries come from dev.kiln.libos.text.TextBoundaries (the same rules for
 * every locale: those of the root/US locale). The boundaries of a text are found once, when it is
 * set; moving is then a walk over them.
 */
public abstract class TBreakIterator implements Cloneable {
    public static final int DONE = -1;

    protected TBreakIterator() {
    }

    @Override
    public Object clone() {
        try {
            return super.clone();
        } catch (CloneNotSupportedException e) {
            throw new InternalError(e);
        }
    }

    public abstract int first();

    public abstract int last();

    public abstract int next(int n);

    public abstract int next();

    public abstract int previous();

    public abstract int following(int offset);

    public int preceding(int offset) {
        int pos = following(offset);
        while (pos >= offset && pos != DONE) {
            pos = previous();
        }
        return pos;
    }

    public boolean isBoundary(int offset) {
        if (offset == 0) {
            return true;
        }
        int boundary = following(offset - 1);
        if (boundary == DONE) {
            throw new IllegalArgumentException();
        }
        return boundary == offset;
    }

    public abstract int current();

    public abstract CharacterIterator getText();

    public void setText(String newText) {
        setText(new StringIterator(newText));
    }

    public abstract void setText(CharacterIterator newText);

    public static TBreakIterator getWordInstance() {
        return new Rules(Rules.WORD);
    }

    public static TBreakIterator getWordInstance(Locale locale) {
        return getWordInstance();
    }

    public static TBreakIterator getLineInstance() {
        return new Rules(Rules.LINE);
    }

    public static TBreakIterator getLineInstance(Locale locale) {
        return getLineInstance();
    }

    public static TBreakIterator getCharacterInstance() {
        return new Rules(Rules.CHARACTER);
    }

    public static TBreakIterator getCharacterInstance(Locale locale) {
        return getCharacterInstance();
    }

    public static TBreakIterator getSentenceInstance() {
        return new Rules(Rules.SENTENCE);
    }

    public static TBreakIterator getSentenceInstance(Locale locale) {
        return getSentenceInstance();
    }

    public static synchronized Locale[] getAvailableLocales() {
        return new Locale[] {Locale.ROOT, Locale.US};
    }

    /** The one implementation: a sorted array of boundaries and an index into it. */
    private static final class Rules extends TBreakIterator {
        static final int CHARACTER = 0;
        static final int WORD = 1;
        static final int SENTENCE = 2;
        static final int LINE = 3;

        private final int kind;
        private CharacterIterator text = new StringIterator("");
        private int begin;
        private int[] boundaries = {0};
        private int index;

        Rules(int kind) {
            this.kind = kind;
        }

        @Override
        public void setText(CharacterIterator newText) {
            begin = newText.getBeginIndex();
            StringBuilder b = new StringBuilder(newText.getEndIndex() - begin);
            for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
                b.append(c);
            }
            newText.first();
            String s = b.toString();
            int[] found = switch (kind) {
                case CHARACTER -> TextBoundaries.characters(s);
                case WORD -> TextBoundaries.words(s);
                case SENTENCE -> TextBoundaries.sentences(s);
                default -> TextBoundaries.lines(s);
            };
            for (int i = 0; i < found.length; i++) {
                found[i] += begin;
            }
            text = newText;
            boundaries = found;
            index = 0;
        }

        @Override
        public CharacterIterator getText() {
            return text;
        }

        @Override
        public int first() {
            index = 0;
            return boundaries[0];
        }

        @Override
        public int last() {
            index = boundaries.length - 1;
            return boundaries[index];
        }

        @Override
        public int next(int n) {
            int result = current();
            while (n > 0) {
                result = next();
                n--;
            }
            while (n < 0) {
                result = previous();
                n++;
            }
            return result;
        }

        @Override
        public int next() {
            if (index >= boundaries.length - 1) {
                index = boundaries.length - 1;
                return DONE;
            }
            return boundaries[++index];
        }

        @Override
        public int previous() {
            if (index <= 0) {
                return DONE;
            }
            return boundaries[--index];
        }

        private void checkOffset(int offset) {
            if (offset < boundaries[0] || offset > boundaries[boundaries.length - 1]) {
                throw new IllegalArgumentException("offset out of bounds");
            }
        }

        @Override
        public int following(int offset) {
            checkOffset(offset);
            for (int i = 0; i < boundaries.length; i++) {
                if (boundaries[i] > offset) {
                    index = i;
                    return boundaries[i];
                }
            }
            index = boundaries.length - 1;
            return DONE;
        }

        @Override
        public int preceding(int offset) {
            checkOffset(offset);
            for (int i = boundaries.length - 1; i >= 0; i--) {
                if (boundaries[i] < offset) {
                    index = i;
                    return boundaries[i];
                }
            }
            index = 0;
            return DONE;
        }

        @Override
        public boolean isBoundary(int offset) {
            checkOffset(offset);
            for (int i = 0; i < boundaries.length; i++) {
                if (boundaries[i] >= offset) {
                    index = i;
                    return boundaries[i] == offset;
                }
            }
            return false;
        }

        @Override
        public int current() {
            return boundaries[index];
        }
    }

    /** What setText(String) iterates over (the JDK's StringCharacterIterator, which TeaVM lacks). */
    private static final class StringIterator implements CharacterIterator {
        private final String text;
        private int pos;

        StringIterator(String text) {
            if (text == null) {
                throw new NullPointerException();
            }
            this.text = text;
        }

        @Override
        public char first() {
            pos = 0;
            return current();
        }

        @Override
        public char last() {
            pos = text.isEmpty() ? 0 : text.length() - 1;
            return current();
        }

        @Override
        public char current() {
            return pos < text.length() ? text.charAt(pos) : DONE;
        }

        @Override
        public char next() {
            if (pos < text.length()) {
                pos++;
            }
            return current();
        }

        @Override
        public char previous() {
            if (pos == 0) {
                return DONE;
            }
            pos--;
            return current();
        }

        @Override
        public char setIndex(int position) {
            if (position < 0 || position > text.length()) {
                throw new IllegalArgumentException("Invalid index");
            }
            pos = position;
            return current();
        }

        @Override
        public int getBeginIndex() {
            return 0;
        }

        @Override
        public int getEndIndex() {
            return text.length();
        }

        @Override
        public int getIndex() {
            return pos;
        }

        @Override
        public Object clone() {
            StringIterator copy = new StringIterator(text);
            copy.pos = pos;
            return copy;
        }
    }
}
