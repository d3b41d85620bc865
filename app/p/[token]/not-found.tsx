/** Every link that does not work (unknown, expired, stopped) gets this same page. */
export default function PatientLinkNotFound() {
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-xl flex-col justify-center px-5 py-12 text-lg">
      <h1 className="text-3xl font-bold">This link is not working</h1>
      <p className="mt-4">It may have expired, or your clinic may have sent you a newer one.</p>
      <p className="mt-4">
        Please look for a more recent email from your clinic, or contact them and ask for a new link to your exercises.
      </p>
      <p className="mt-6 rounded-xl bg-warn-soft p-4">
        Until then, keep doing only the exercises you know, and stop any that make your pain worse.
      </p>
    </main>
  );
}
