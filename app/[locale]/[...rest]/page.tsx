import { notFound } from "next/navigation";

// Unknown paths inside a locale get the translated 404 page of that locale.
export default function UnknownPage() {
  notFound();
}
