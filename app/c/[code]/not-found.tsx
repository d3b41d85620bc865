/** An address that cannot be a code at all (too short, letters that are never used). */
export default function ShortCodeNotFound() {
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-xl flex-col justify-center px-5 py-12 text-lg">
      <h1 className="text-3xl font-bold">This code does not work</h1>
      <p className="mt-4">Check the address on your sheet: it ends in 8 letters and numbers, like 7KQ4-M2XP.</p>
      <p className="mt-4">
        Or use the square QR code on your sheet, or the link in your email from the clinic, or ask your clinic for help.
      </p>
    </main>
  );
}
