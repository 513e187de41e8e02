// app/layout.jsx
export const metadata = { title: 'Cabinet du Dr Martin', icons: 'data:,' };

export default function RootLayout({ children }) {
  return (
    <html lang="fr">
      <body>{children}</body>
    </html>
  );
}
