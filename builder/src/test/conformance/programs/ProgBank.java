import java.util.*;
import java.util.function.*;

public class ProgBank {
    static class InsufficientFundsException extends Exception {
        final long shortBy;

        InsufficientFundsException(String account, long shortBy) {
            super("account " + account + " is short by " + Money.format(shortBy));
            this.shortBy = shortBy;
        }
    }

    static final class Money {
        static String format(long cents) {
            return (cents < 0 ? "-" : "") + "$" + Math.abs(cents) / 100 + "." + String.format("%02d", Math.abs(cents) % 100);
        }
    }

    interface Account {
        String id();

        long balance();

        void deposit(long cents);

        void withdraw(long cents) throws InsufficientFundsException;

        default void monthEnd() {
        }

        List<String> history();
    }

    static abstract class BaseAccount implements Account {
        private final String id;
        protected long balance;
        private final List<String> history = new ArrayList<>();

        BaseAccount(String id, long opening) {
            this.id = id;
            this.balance = opening;
            record("open " + Money.format(opening));
        }

        public String id() {
            return id;
        }

        public long balance() {
            return balance;
        }

        public List<String> history() {
            return Collections.unmodifiableList(history);
        }

        protected void record(String s) {
            history.add(s + " -> " + Money.format(balance));
        }

        public void deposit(long cents) {
            if (cents <= 0) {
                throw new IllegalArgumentException("deposit must be positive: " + cents);
            }
            balance += cents;
            record("deposit " + Money.format(cents));
        }

        protected abstract long limit();

        public void withdraw(long cents) throws InsufficientFundsException {
            if (balance - cents < -limit()) {
                throw new InsufficientFundsException(id, cents - balance - limit());
            }
            balance -= cents;
            record("withdraw " + Money.format(cents));
        }

        @Override
        public String toString() {
            return getClass().getSimpleName() + "[" + id + " " + Money.format(balance) + "]";
        }
    }

    static class Checking extends BaseAccount {
        final long overdraft;

        Checking(String id, long opening, long overdraft) {
            super(id, opening);
            this.overdraft = overdraft;
        }

        protected long limit() {
            return overdraft;
        }

        @Override
        public void monthEnd() {
            if (balance < 0) {
                long fee = 1500;
                balance -= fee;
                record("overdraft fee " + Money.format(fee));
            }
        }
    }

    static class Savings extends BaseAccount {
        final int basisPoints;

        Savings(String id, long opening, int basisPoints) {
            super(id, opening);
            this.basisPoints = basisPoints;
        }

        protected long limit() {
            return 0;
        }

        @Override
        public void monthEnd() {
            long interest = balance * basisPoints / 10_000 / 12;
            balance += interest;
            record("interest " + Money.format(interest));
        }
    }

    static class Bank {
        private final Map<String, Account> accounts = new LinkedHashMap<>();
        private final List<String> journal = new ArrayList<>();
        private int nextId = 1000;

        Account open(BiFunction<String, Long, Account> kind, long opening) {
            Account a = kind.apply("AC" + nextId++, opening);
            accounts.put(a.id(), a);
            return a;
        }

        Account get(String id) {
            Account a = accounts.get(id);
            if (a == null) {
                throw new NoSuchElementException("no account " + id);
            }
            return a;
        }

        boolean transfer(String from, String to, long cents) {
            Account src = get(from), dst = get(to);
            try {
                src.withdraw(cents);
                dst.deposit(cents);
                journal.add("transfer " + Money.format(cents) + " " + from + "->" + to + " ok");
                return true;
            } catch (InsufficientFundsException e) {
                journal.add("transfer " + Money.format(cents) + " " + from + "->" + to + " refused: " + e.getMessage());
                return false;
            }
        }

        long total() {
            return accounts.values().stream().mapToLong(Account::balance).sum();
        }
    }

    public static void main(String[] args) {
        Bank bank = new Bank();
        Account alice = bank.open((id, o) -> new Checking(id, o, 50_00), 120_00);
        Account bob = bank.open((id, o) -> new Savings(id, o, 250), 1_000_00);
        Account carol = bank.open((id, o) -> new Checking(id, o, 0), 5_00);
        System.out.println(alice + " " + bob + " " + carol + " total " + Money.format(bank.total()));
        bank.transfer(alice.id(), carol.id(), 150_00);
        bank.transfer(alice.id(), carol.id(), 30_00);
        bank.transfer(carol.id(), bob.id(), 200_00);
        bank.transfer(bob.id(), alice.id(), 99_99);
        bank.transfer(carol.id(), alice.id(), 155_00);
        try {
            bank.transfer("AC999", alice.id(), 1);
        } catch (NoSuchElementException e) {
            System.out.println(e.getMessage());
        }
        try {
            alice.deposit(-5);
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
        }
        for (int month = 1; month <= 3; month++) {
            bank.accounts.values().forEach(Account::monthEnd);
        }
        bank.journal.forEach(System.out::println);
        for (Account a : bank.accounts.values()) {
            System.out.println(a);
            a.history().forEach(h -> System.out.println("    " + h));
        }
        System.out.println("total " + Money.format(bank.total()));
        try {
            alice.history().clear();
        } catch (UnsupportedOperationException e) {
            System.out.println("history is read-only");
        }
        Random rnd = new Random(2024);
        int ok = 0, refused = 0;
        List<String> ids = new ArrayList<>(bank.accounts.keySet());
        long before = bank.total();
        for (int i = 0; i < 2000; i++) {
            String from = ids.get(rnd.nextInt(ids.size())), to = ids.get(rnd.nextInt(ids.size()));
            if (!from.equals(to)) {
                if (bank.transfer(from, to, 1 + rnd.nextInt(20_000))) {
                    ok++;
                } else {
                    refused++;
                }
            }
        }
        System.out.println("random transfers ok " + ok + " refused " + refused + ", money conserved " + (before == bank.total()));
        bank.accounts.values().forEach(a -> System.out.println(a + " " + a.history().size()));
    }
}
